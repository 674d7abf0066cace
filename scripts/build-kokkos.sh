#!/usr/bin/env bash
# Builds a standalone Kokkos with the OpenMP backend into .deps/kokkos (ignored by git), from
# Debian's trilinos source package (scripts/kokkos-source.sh).
set -euo pipefail
# shellcheck source=scripts/kokkos-source.sh
source "$(dirname "$0")/kokkos-source.sh"

prefix="$kokkos_deps/kokkos"
kokkos_installed "$prefix" && exit 0

kokkos_extract "$kokkos_deps/src/kokkos-src"
kokkos_build_install "$kokkos_deps/src/kokkos-src" "$prefix" \
  -DKokkos_ENABLE_OPENMP=ON -DKokkos_ENABLE_SERIAL=ON
echo "build-kokkos: Kokkos with OpenMP installed in $prefix"
