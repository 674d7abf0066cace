#!/usr/bin/env bash
# Installs kctm's build and test dependencies from Debian 12 packages, then (unless the user brings a
# Kokkos with a parallel backend through KOKKOS_ROOT) builds Kokkos with OpenMP into .deps/kokkos.
# Idempotent: does nothing but a few dpkg queries when everything is already present.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  build-essential cmake pkg-config
  libnetcdf-dev libnetcdf-c++4-dev netcdf-bin libhdf5-dev
  libopenmpi-dev openmpi-bin
  libgtest-dev libgmock-dev libbenchmark-dev
  libyaml-cpp-dev libcli11-dev libfmt-dev libspdlog-dev nlohmann-json3-dev
  libproj-dev proj-data
  dpkg-dev xz-utils
  python3-matplotlib python3-netcdf4
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  as_root apt-get update -q
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [[ -n ${KOKKOS_ROOT:-} ]]; then
  echo "install-deps: using the Kokkos at KOKKOS_ROOT=$KOKKOS_ROOT"
  exit 0
fi
"$repo/scripts/build-kokkos.sh"
