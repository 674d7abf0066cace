#!/usr/bin/env bash
# Builds a standalone Kokkos with the OpenMP backend into .deps/kokkos (ignored by git), from the
# packages/kokkos folder of Debian's trilinos source package: Debian 12 ships Kokkos only inside
# libtrilinos-kokkos-dev, and that build has the Serial backend alone.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
deps="$repo/.deps"
prefix="$deps/kokkos"

if compgen -G "$prefix/lib*/cmake/Kokkos/KokkosConfig.cmake" >/dev/null; then
  exit 0
fi

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# apt-get source needs deb-src entries: derive them from the machine's own deb entries.
have_deb_src() { grep -rqsE '^(deb-src |Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; }
if ! have_deb_src; then
  src_list=/etc/apt/sources.list.d/kctm-deb-src.sources
  echo "build-kokkos: adding deb-src entries derived from the apt sources to $src_list"
  tmp=$(mktemp)
  for f in /etc/apt/sources.list.d/*.sources; do
    [[ -e $f ]] || continue
    # deb822 stanzas: keep those of Types deb, turned into deb-src.
    awk 'BEGIN{RS=""; ORS="\n\n"} /(^|\n)Types:[^\n]*deb([ \n]|$)/ {sub(/Types:[^\n]*/, "Types: deb-src"); print}' "$f" >>"$tmp"
  done
  if [[ -f /etc/apt/sources.list ]]; then
    list_tmp=$(mktemp)
    sed -n 's/^[[:space:]]*deb[[:space:]]/deb-src /p' /etc/apt/sources.list >"$list_tmp"
    if [[ -s $list_tmp ]]; then as_root cp "$list_tmp" /etc/apt/sources.list.d/kctm-deb-src.list; fi
    rm -f "$list_tmp"
  fi
  if [[ -s $tmp ]]; then as_root cp "$tmp" "$src_list"; fi
  rm -f "$tmp"
  as_root apt-get update -q
fi

mkdir -p "$deps/src"
cd "$deps/src"
if ! compgen -G "trilinos_*.orig.tar.*" >/dev/null; then
  echo "build-kokkos: downloading Debian's trilinos source package"
  apt-get source --download-only trilinos
fi
tarball=$(ls trilinos_*.orig.tar.* | head -n 1)
rm -rf kokkos-src && mkdir kokkos-src
echo "build-kokkos: extracting packages/kokkos from $tarball"
tar -xf "$tarball" -C kokkos-src --strip-components=3 --wildcards '*/packages/kokkos/*'

cmake -S kokkos-src -B kokkos-build -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" \
  -DCMAKE_CXX_STANDARD=17 -DKokkos_ENABLE_OPENMP=ON -DKokkos_ENABLE_SERIAL=ON \
  -DKokkos_ENABLE_TESTS=OFF -DKokkos_ENABLE_EXAMPLES=OFF -DBUILD_SHARED_LIBS=OFF \
  -DCMAKE_POSITION_INDEPENDENT_CODE=ON
cmake --build kokkos-build -j "$(nproc)"
cmake --install kokkos-build
rm -rf kokkos-build kokkos-src
echo "build-kokkos: Kokkos with OpenMP installed in $prefix"
