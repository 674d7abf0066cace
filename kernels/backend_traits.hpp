#pragma once
// Every choice kctm makes per backend, in one place (after Cabana's per-backend traits): the
// kernels and the chemistry ask here instead of testing the backend themselves. Two kinds:
//  - compile-time macros for what one compiler pass can express (a CUDA or HIP build compiles
//    each kernel twice, for the host and for the device, and the code of each pass may differ);
//  - BackendTraits<Space>, the values for an execution space: HostBackendTraits when the space
//    runs on the host's threads (Serial, OpenMP, Threads), DeviceBackendTraits on a GPU.
// kokkos_types.hpp chooses the execution space itself; this file only what follows from it.
#include <type_traits>

#include "kernels/kokkos_types.hpp"

/// 1 while compiling for a GPU (the device pass of nvcc or hipcc), 0 on the host: team loops are
/// spread over the team's threads and vector lanes there, and host-only builtins are unavailable.
#if defined(__CUDA_ARCH__) || defined(__HIP_DEVICE_COMPILE__)
#define KCTM_DEVICE_PASS 1
#else
#define KCTM_DEVICE_PASS 0
#endif

/// Marks a loop whose iterations are independent as a SIMD loop, with OpenMP's `omp simd` when the
/// compiler has OpenMP on (the host's loops over the cells of a line); nothing otherwise.
#if defined(_OPENMP)
#define KCTM_SIMD _Pragma("omp simd")
#else
#define KCTM_SIMD
#endif

/// 1 where the pass can ask the CPU to prefetch (GCC and Clang's __builtin_prefetch on the host);
/// 0 on a device pass, where nothing of the kind is needed, and with other compilers.
#if !KCTM_DEVICE_PASS && defined(__GNUC__)
#define KCTM_HAS_PREFETCH 1
#else
#define KCTM_HAS_PREFETCH 0
#endif

namespace kctm {

/// An execution space on the host's threads.
struct HostBackendTraits {
  /// Threads per team: one. Kernels run as teams of one thread each, with SIMD loops inside
  /// (each_cell): a CPU core has one thread to give, and its vector unit takes a line's cells.
  static constexpr int team_size = 1;
  /// Cells the chemistry solves side by side in one value (chem::Lanes): 8 doubles fill one
  /// AVX-512 vector or two AVX2 ones, so the solver's straight-line code runs as vector operations.
  static constexpr int chemistry_lanes = 8;
  /// Cells the source-apportionment rules take side by side along a row: the lookups of where
  /// each source's tags lie are made once for 8 cells, and each step of a rule is a SIMD loop.
  static constexpr int tag_lanes = 8;
  /// Whether the line kernels prefetch the next line (prefetch_line): they otherwise stall on
  /// their first loads, which the hardware prefetcher has not yet seen coming.
  static constexpr bool prefetch_lines = true;
};

/// An execution space on a GPU (CUDA, HIP).
struct DeviceBackendTraits {
  /// Threads per team: the backend's choice for the kernel (its registers and scratch); the
  /// team's threads and vector lanes share the cells of a line.
  static constexpr Kokkos::AUTO_t team_size{};  // Kokkos::AUTO
  /// One cell per value: a thread takes a cell, and a warp's threads are the vector.
  static constexpr int chemistry_lanes = 1;
  /// One cell per thread for the source-apportionment rules: their per-source work arrays stay
  /// small, and neighbouring threads read neighbouring cells.
  static constexpr int tag_lanes = 1;
  /// No prefetching: warps hide memory latency by switching among themselves.
  static constexpr bool prefetch_lines = false;
};

/// The traits of execution space `Space`: the host's when it is the default host execution space.
template <class Space>
using BackendTraits = std::conditional_t<std::is_same_v<Space, Kokkos::DefaultHostExecutionSpace>,
                                         HostBackendTraits, DeviceBackendTraits>;

/// The traits of the space that kctm's kernels run in (ExecSpace).
using Backend = BackendTraits<ExecSpace>;

}  // namespace kctm
