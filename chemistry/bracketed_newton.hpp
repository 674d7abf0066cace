#pragma once
// The root of an increasing function inside a bracket: Newton's method, falling back to bisection
// when a step would leave the bracket, would not halve the step before it (far from the root,
// where Newton crawls) or the slope is not positive (Press et al. 2007, Numerical Recipes, 3rd
// ed., §9.4, "rtsafe"). A Newton correction within the tolerance ends the search
// before the bracket test: at convergence the correction rounds to nothing, the iterate lands on
// the bracket's edge, and bisecting from there would walk the whole bracket down.
#include "kernels/kokkos_types.hpp"

namespace kctm::chem {

struct RootResult {
  double x;        ///< the root
  int iterations;  ///< evaluations of the function taken
};

/// The root of g in [lo, hi], where g(lo) ≤ 0 ≤ g(hi) and g rises through one root, from the first
/// guess x; `g_and_slope(x, g, dg)` sets g(x) and g'(x). Stops when a step moves x by at most
/// `tolerance`, or after `max_iterations` evaluations.
template <class F>
KOKKOS_INLINE_FUNCTION RootResult bracketed_newton(F g_and_slope, double lo, double hi, double x,
                                                   double tolerance, int max_iterations) {
  int it = 0;
  double last_change = hi - lo;
  while (it < max_iterations && hi > lo) {
    ++it;
    double g = 0, dg = 0;
    g_and_slope(x, g, dg);
    (g > 0 ? hi : lo) = x;
    const double newton = dg > 0 ? g / dg : 0.0;
    if (dg > 0 && (newton < 0 ? -newton : newton) <= tolerance) return {x - newton, it};
    double next = dg > 0 ? x - newton : 0.5 * (lo + hi);
    const bool slow =
        2.0 * (newton < 0 ? -newton : newton) > (last_change < 0 ? -last_change : last_change);
    if (!(next > lo && next < hi) || slow) next = 0.5 * (lo + hi);
    const double change = next - x;
    last_change = change;
    x = next;
    if ((change < 0 ? -change : change) <= tolerance) break;
  }
  return {x, it};
}

}  // namespace kctm::chem
