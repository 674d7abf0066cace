#pragma once
// The one Kokkos vocabulary of kctm: execution/memory spaces, the field layout and policies.
// No other file chooses a backend or a layout; what follows per backend from the execution space
// chosen here (team sizes, SIMD lanes, device-pass code) is in kernels/backend_traits.hpp.
#include <Kokkos_Core.hpp>

namespace kctm {

using ExecSpace = Kokkos::DefaultExecutionSpace;
using MemSpace = ExecSpace::memory_space;
using HostSpace = Kokkos::HostSpace;

// Fields are (field, k, j, i) with i contiguous (LayoutRight on every backend): x-sweeps and
// per-cell work iterate fastest over i, giving SIMD lanes on CPUs and coalesced warps on GPUs.
// benchmarks/bench_layout.cpp measures this choice against a species-fastest layout.
using Layout = Kokkos::LayoutRight;

template <class T>
using View1D = Kokkos::View<T*, Layout, MemSpace>;
template <class T>
using View2D = Kokkos::View<T**, Layout, MemSpace>;
template <class T>
using View3D = Kokkos::View<T***, Layout, MemSpace>;
template <class T>
using View4D = Kokkos::View<T****, Layout, MemSpace>;

using Policy1D = Kokkos::RangePolicy<ExecSpace>;
using Policy2D = Kokkos::MDRangePolicy<ExecSpace, Kokkos::Rank<2>>;
using Policy3D = Kokkos::MDRangePolicy<ExecSpace, Kokkos::Rank<3>>;
using Policy4D = Kokkos::MDRangePolicy<ExecSpace, Kokkos::Rank<4>>;

/// Math functions callable in kernels: Kokkos 4 has them in Kokkos::, Kokkos 3 in
/// Kokkos::Experimental.
namespace math {
#if KOKKOS_VERSION >= 40000
using Kokkos::acos;
using Kokkos::atan;
using Kokkos::cbrt;
using Kokkos::cos;
using Kokkos::exp;
using Kokkos::isfinite;
using Kokkos::log;
using Kokkos::log10;
using Kokkos::pow;
using Kokkos::sin;
using Kokkos::sqrt;
#else
using Kokkos::Experimental::acos;
using Kokkos::Experimental::atan;
using Kokkos::Experimental::cbrt;
using Kokkos::Experimental::cos;
using Kokkos::Experimental::exp;
using Kokkos::Experimental::isfinite;
using Kokkos::Experimental::log;
using Kokkos::Experimental::log10;
using Kokkos::Experimental::pow;
using Kokkos::Experimental::sin;
using Kokkos::Experimental::sqrt;
#endif
}  // namespace math

}  // namespace kctm
