#!/usr/bin/env bash
# Builds Kokkos with the CUDA backend (Serial on the host, sm_80) into .deps/kokkos-cuda, from
# Debian's trilinos source package (scripts/kokkos-source.sh), for `make cuda-check`: kctm compiled
# and linked with nvcc. Needs the CUDA toolkit in CUDA_HOME (default /usr/local/cuda); no GPU.
set -euo pipefail
# shellcheck source=scripts/kokkos-source.sh
source "$(dirname "$0")/kokkos-source.sh"

prefix="$kokkos_deps/kokkos-cuda"
kokkos_installed "$prefix" && exit 0

cuda_home=${CUDA_HOME:-/usr/local/cuda}
if [[ ! -x $cuda_home/bin/nvcc ]]; then
  echo "build-kokkos-cuda: no nvcc in $cuda_home/bin (install the CUDA toolkit or set CUDA_HOME)" >&2
  exit 1
fi
export PATH="$cuda_home/bin:$PATH"

src="$kokkos_deps/src/kokkos-cuda-src"
kokkos_extract "$src"

# Kokkos 3.4.01 predates CUDA 13: replaces the text $2 by $3 in file $1, failing when it is absent.
patch_source() {
  python3 - "$src/$1" "$2" "$3" <<'PY'
import sys
path, old, new = sys.argv[1:]
text = open(path).read()
if old not in text:
    sys.exit(f"build-kokkos-cuda: {path}: '{old}' not found; is this Kokkos 3.4.01?")
open(path, "w").write(text.replace(old, new))
PY
}
# Its CUDA half-precision header does not compile with CUDA 13: half_t falls back to float.
patch_source core/src/Kokkos_Half.hpp '#include <Cuda/Kokkos_Cuda_Half.hpp>' ''
# cudaMemPrefetchAsync takes a cudaMemLocation and flags since CUDA 13.
patch_source core/src/Cuda/Kokkos_CudaSpace.cpp \
  'cudaMemPrefetchAsync(ptr, bytes, space.cuda_device(),' \
  'cudaMemPrefetchAsync(ptr, bytes, cudaMemLocation{cudaMemLocationTypeDevice, space.cuda_device()}, 0,'
# CUDA 13 dropped sm_35, nvcc_wrapper's default for compiles without -arch (CMake's compiler checks).
patch_source bin/nvcc_wrapper 'default_arch="sm_35"' 'default_arch="sm_80"'

kokkos_build_install "$src" "$prefix" -DCMAKE_CXX_COMPILER="$src/bin/nvcc_wrapper" \
  -DKokkos_ENABLE_SERIAL=ON -DKokkos_ENABLE_CUDA=ON -DKokkos_ENABLE_CUDA_LAMBDA=ON \
  -DKokkos_ARCH_AMPERE80=ON
echo "build-kokkos-cuda: Kokkos with CUDA installed in $prefix"
