#pragma once
// The piecewise parabolic method (Colella & Woodward 1984, J. Comput. Phys. 54:174, "CW84") on a
// line of cells of equal index width: limited face values, the monotone parabola of a cell, and its
// mean over the part that crosses a face in one step. Pointwise device functions, also callable on
// the host for tests.
#include <Kokkos_Core.hpp>
#include <cmath>

namespace kctm::ppm {

// Products with 1/6 rather than divisions by 6: a division costs a vector unit ten times a
// multiply, and these run for every cell of every sweep.
constexpr double kSixth = 1.0 / 6.0;

// ::fabs and ::copysign (one bitwise operation each, on the host and in CUDA) rather than selects
// on the sign: the slope is the costliest stage of the sweeps.
KOKKOS_INLINE_FUNCTION double abs_of(double x) { return ::fabs(x); }
KOKKOS_INLINE_FUNCTION double min_of(double a, double b) { return a < b ? a : b; }

/// Monotonised slope δq of a cell from its neighbours (CW84 eq. 1.8): zero at an extremum, else the
/// central difference limited to twice either one-sided difference.
KOKKOS_INLINE_FUNCTION double limited_slope(double q_minus, double q, double q_plus) {
  // Written with selects, not branches, so that loops over cells vectorise.
  const double left = q - q_minus, right = q_plus - q;
  const double central = 0.5 * (q_plus - q_minus);
  const double m = min_of(abs_of(central), 2 * min_of(abs_of(left), abs_of(right)));
  return left * right <= 0 ? 0.0 : ::copysign(m, central);
}

/// Value at the face between cells 0 and 1 (CW84 eq. 1.6 for equal widths): fourth order where the
/// slopes are not limited, and always between q0 and q1.
KOKKOS_INLINE_FUNCTION double face_value(double q0, double q1, double slope0, double slope1) {
  return 0.5 * (q0 + q1) - (slope1 - slope0) * kSixth;
}

/// Makes the parabola of a cell with mean q and edge values (q_left, q_right) monotone (CW84
/// eq. 1.10): flat at an extremum, else the edge that would overshoot is moved.
KOKKOS_INLINE_FUNCTION void limit_parabola(double q, double& q_left, double& q_right) {
  // Selects, not branches (vectorisable); the two overshoot cases exclude each other.
  const bool extremum = (q_right - q) * (q - q_left) <= 0;
  const double dq = q_right - q_left, mid = q - 0.5 * (q_left + q_right);
  const bool left_overshoots = dq * mid > dq * dq * kSixth;
  const bool right_overshoots = -dq * dq * kSixth > dq * mid;
  const double new_left = extremum ? q : (left_overshoots ? 3 * q - 2 * q_right : q_left);
  const double new_right = extremum ? q : (right_overshoots ? 3 * q - 2 * q_left : q_right);
  q_left = new_left;
  q_right = new_right;
}

/// Mean of the parabola over the fraction `sigma` (0..1) of the cell next to its right edge
/// (what leaves through the right face; CW84 eq. 1.12).
KOKKOS_INLINE_FUNCTION double mean_at_right(double q_left, double q, double q_right, double sigma) {
  const double dq = q_right - q_left, q6 = 6 * (q - 0.5 * (q_left + q_right));
  return q_right - 0.5 * sigma * (dq - (1 - 2.0 / 3.0 * sigma) * q6);
}

/// Mean over the fraction `sigma` of the cell next to its left edge.
KOKKOS_INLINE_FUNCTION double mean_at_left(double q_left, double q, double q_right, double sigma) {
  const double dq = q_right - q_left, q6 = 6 * (q - 0.5 * (q_left + q_right));
  return q_left + 0.5 * sigma * (dq + (1 - 2.0 / 3.0 * sigma) * q6);
}

/// Mean mixing ratio of what crosses the face between s[2] and s[3] in one step, from the six cells
/// s[0..5] around it. `courant` > 0: the fraction of cell s[2] that leaves rightwards; < 0: the
/// fraction of cell s[3] that leaves leftwards. |courant| ≤ 1.
KOKKOS_INLINE_FUNCTION double crossing_mean(const double s[6], double courant) {
  // The upwind cell u and its neighbours u−2..u+2 within s.
  const int u = courant >= 0 ? 2 : 3;
  const double slope_m = limited_slope(s[u - 2], s[u - 1], s[u]);
  const double slope_0 = limited_slope(s[u - 1], s[u], s[u + 1]);
  const double slope_p = limited_slope(s[u], s[u + 1], s[u + 2]);
  double q_left = face_value(s[u - 1], s[u], slope_m, slope_0);
  double q_right = face_value(s[u], s[u + 1], slope_0, slope_p);
  limit_parabola(s[u], q_left, q_right);
  return courant >= 0 ? mean_at_right(q_left, s[u], q_right, courant)
                      : mean_at_left(q_left, s[u], q_right, -courant);
}

}  // namespace kctm::ppm
