#pragma once
// The stages of flux-form PPM shared by the horizontal and vertical sweeps, for lines whose
// neighbouring cells lie kStep values apart: one line of cells (kStep = 1), or kStep lines side by
// side, cell c of line w at c kStep + w (the SIMD lanes of the vertical sweep). A line has `len`
// cells including `halo` cells at each end; its faces f = 0..len − 2 halo (face f between cells
// f + halo − 1 and f + halo) carry coefficients stored at f + 1, with zeros at 0 and at the end.
#include "kernels/ppm.hpp"
#include "kernels/team_simd.hpp"

namespace kctm::ppm {

struct LineStages {
  const double* q;     ///< mixing ratios of the line's cells
  double* slope;       ///< work: limited slopes
  double* to_right;    ///< result: tracer mass leaving cell c through its right face (≥ 0) [kg]
  double* to_left;     ///< result: the same through its left face (≤ 0) [kg]
  const double* push;  ///< air mass through each face to the right (≥ 0) [kg]
  const double* pull;  ///< the same to the left (≤ 0) [kg]
  const double* courant_right;  ///< share of the upwind cell that `push` takes
  const double* courant_left;   ///< share of the upwind cell that `pull` takes
  /// Monotone (CW84's limited slopes and parabolas), or the unlimited, linear PPM: linear in q,
  /// so that the sum of tagged tracers advects exactly as their total (source apportionment's
  /// brute-force checks), at the price of over- and undershoots.
  bool monotone;
};

/// line_outflows for one choice of the limiter, fixed at compile time so that the stage loops
/// carry no test of it (a run-time flag inside them halved the x-sweep's speed).
template <int kStep, bool kMonotone>
KOKKOS_FORCEINLINE_FUNCTION void line_outflows_of(const TeamMember& team, const LineStages& l,
                                                  int len, int halo) {
  const double* q = l.q;
  double *slope = l.slope, *to_right = l.to_right, *to_left = l.to_left;
  const double *push = l.push, *pull = l.pull, *courant_right = l.courant_right,
               *courant_left = l.courant_left;
  each_cell(team, kStep, (len - 1) * kStep, [=](int p) {
    if constexpr (kMonotone) {
      slope[p] = limited_slope(q[p - kStep], q[p], q[p + kStep]);
    } else {
      slope[p] = 0.5 * (q[p + kStep] - q[p - kStep]);
    }
  });
  // Cell c's right face is f = c − halo + 1, stored at c − halo + 2; its left face one before.
  // A cell computes both its face values rather than reading them from a stage of their own: the
  // two extra face_value calls cost less than a pass that stores and reloads them.
  const int right = (halo - 2) * kStep, left = (halo - 1) * kStep;
  each_cell(team, (halo - 1) * kStep, (len - halo + 1) * kStep, [=](int p) {
    double lower = face_value(q[p - kStep], q[p], slope[p - kStep], slope[p]);
    double upper = face_value(q[p], q[p + kStep], slope[p], slope[p + kStep]);
    if constexpr (kMonotone) limit_parabola(q[p], lower, upper);
    const int r = p - right, l = p - left;
    to_right[p] = push[r] * mean_at_right(lower, q[p], upper, courant_right[r]);
    to_left[p] = pull[l] * mean_at_left(lower, q[p], upper, courant_left[l]);
  });
}

/// Slopes, face values and the limited parabolas of the cells next to a face, giving each cell's
/// outflows through its two faces. One of a face's two is zero, so the face carries
/// to_right[c − 1] + to_left[c] for its cells c − 1 and c, with no select on the flow's sign.
template <int kStep>
KOKKOS_FORCEINLINE_FUNCTION void line_outflows(const TeamMember& team, const LineStages& l, int len,
                                               int halo) {
  if (l.monotone) {
    line_outflows_of<kStep, true>(team, l, len, halo);
  } else {
    line_outflows_of<kStep, false>(team, l, len, halo);
  }
}

}  // namespace kctm::ppm
