#pragma once
// Several grid cells side by side in one value, so the per-cell solver's straight-line code works
// on SIMD vectors on CPUs (each arithmetic operation is a loop over the lanes, which the compiler
// vectorises); on GPUs a thread takes one cell and the "lanes" are plain doubles. How many cells
// is Backend::chemistry_lanes (kernels/backend_traits.hpp).
#include <type_traits>

#include "kernels/backend_traits.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::chem {

template <int W>
struct Lanes {
  double v[W];
  Lanes() = default;
  KOKKOS_INLINE_FUNCTION Lanes(double x) {  // NOLINT: broadcast, as a scalar would convert
    for (int l = 0; l < W; ++l) v[l] = x;
  }
#define KCTM_LANES_ASSIGN(op)                                 \
  KOKKOS_INLINE_FUNCTION Lanes& operator op(const Lanes& o) { \
    for (int l = 0; l < W; ++l) v[l] op o.v[l];               \
    return *this;                                             \
  }
  KCTM_LANES_ASSIGN(+=)
  KCTM_LANES_ASSIGN(-=)
  KCTM_LANES_ASSIGN(*=)
  KCTM_LANES_ASSIGN(/=)
#undef KCTM_LANES_ASSIGN
};

#define KCTM_LANES_BINARY(op)                                                  \
  template <int W>                                                             \
  KOKKOS_INLINE_FUNCTION Lanes<W> operator op(Lanes<W> a, const Lanes<W>& b) { \
    for (int l = 0; l < W; ++l) a.v[l] = a.v[l] op b.v[l];                     \
    return a;                                                                  \
  }                                                                            \
  template <int W>                                                             \
  KOKKOS_INLINE_FUNCTION Lanes<W> operator op(double a, const Lanes<W>& b) {   \
    return Lanes<W>(a) op b;                                                   \
  }                                                                            \
  template <int W>                                                             \
  KOKKOS_INLINE_FUNCTION Lanes<W> operator op(const Lanes<W>& a, double b) {   \
    return a op Lanes<W>(b);                                                   \
  }
KCTM_LANES_BINARY(+)
KCTM_LANES_BINARY(-)
KCTM_LANES_BINARY(*)
KCTM_LANES_BINARY(/)
#undef KCTM_LANES_BINARY

template <int W>
KOKKOS_INLINE_FUNCTION Lanes<W> operator-(Lanes<W> a) {
  for (int l = 0; l < W; ++l) a.v[l] = -a.v[l];
  return a;
}

/// Number of lanes of a value type, and its lane l.
template <class T>
struct LaneCount : std::integral_constant<int, 1> {};
template <int W>
struct LaneCount<Lanes<W>> : std::integral_constant<int, W> {};
KOKKOS_INLINE_FUNCTION double& lane(double& x, int) { return x; }
KOKKOS_INLINE_FUNCTION double lane(const double& x, int) { return x; }
template <int W>
KOKKOS_INLINE_FUNCTION double& lane(Lanes<W>& x, int l) {
  return x.v[l];
}
template <int W>
KOKKOS_INLINE_FUNCTION double lane(const Lanes<W>& x, int l) {
  return x.v[l];
}

/// The chemistry's value type: Backend::chemistry_lanes cells per value (8 on the host: an AVX-512
/// vector, two AVX2 ones), a plain double where that is one (a GPU's thread per cell).
using ChemValue =
    std::conditional_t<Backend::chemistry_lanes == 1, double, Lanes<Backend::chemistry_lanes>>;
static_assert(LaneCount<ChemValue>::value == Backend::chemistry_lanes);

}  // namespace kctm::chem
