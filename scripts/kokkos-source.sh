#!/usr/bin/env bash
# Sourced by scripts/build-kokkos.sh and scripts/build-kokkos-cuda.sh: Kokkos comes from the
# packages/kokkos folder of Debian's trilinos source package (Debian 12 ships Kokkos only inside
# libtrilinos-kokkos-dev, and that build has the Serial backend alone).

kokkos_deps=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.deps

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# True when a Kokkos is installed in prefix $1.
kokkos_installed() { compgen -G "$1/lib*/cmake/Kokkos/KokkosConfig.cmake" >/dev/null; }

# apt-get source needs deb-src entries: derive them from the machine's own deb entries.
kokkos_add_deb_src() {
  grep -rqsE '^(deb-src |Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/ && return
  local src_list=/etc/apt/sources.list.d/kctm-deb-src.sources tmp list_tmp f
  echo "kokkos-source: adding deb-src entries derived from the apt sources to $src_list"
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
}

# Extracts packages/kokkos into the fresh folder $1, downloading the source package into .deps/src
# first when it is not there.
kokkos_extract() {
  local dest=$1 tarball
  mkdir -p "$kokkos_deps/src"
  if ! compgen -G "$kokkos_deps/src/trilinos_*.orig.tar.*" >/dev/null; then
    kokkos_add_deb_src
    echo "kokkos-source: downloading Debian's trilinos source package"
    (cd "$kokkos_deps/src" && apt-get source --download-only trilinos)
  fi
  tarball=$(ls "$kokkos_deps"/src/trilinos_*.orig.tar.* | head -n 1)
  rm -rf "$dest" && mkdir -p "$dest"
  echo "kokkos-source: extracting packages/kokkos from $tarball"
  tar -xf "$tarball" -C "$dest" --strip-components=3 --wildcards '*/packages/kokkos/*'
}

# Configures the Kokkos source $1 as a static C++17 library with the extra CMake arguments after
# $2, then builds and installs it into prefix $2 and removes the source and build folders.
kokkos_build_install() {
  local src=$1 prefix=$2
  shift 2
  cmake -S "$src" -B "$src-build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DCMAKE_CXX_STANDARD=17 -DKokkos_ENABLE_TESTS=OFF -DKokkos_ENABLE_EXAMPLES=OFF \
    -DBUILD_SHARED_LIBS=OFF -DCMAKE_POSITION_INDEPENDENT_CODE=ON "$@"
  cmake --build "$src-build" -j "$(nproc)"
  cmake --install "$src-build"
  rm -rf "$src-build" "$src"
}
