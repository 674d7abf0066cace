#pragma once
// The per-cell stiff integrator: the three-stage, third-order, L-stable Rosenbrock method ROS3 of
// Sandu et al. (1997, Atmos. Environ. 31:3459, "Benchmarking stiff ODE solvers for atmospheric
// chemistry problems II") with its embedded second-order error estimate, step-size control as in
// Hairer & Wanner (1996, ch. IV.7) and KPP, the exact analytic Jacobian and the mechanism's sparse
// LU, for any System offering n(), fast_radical(v), tendencies(k, y, f),
// factorise(k, y, diagonal, a) and lu_solve(a, x) — the generated KCTM-C1 code
// (chemistry/kctm_c1_system.hpp) or a mechanism interpreted from its compiled tables
// (chemistry/device_mechanism.hpp). Rosenbrock stages are linear in the Jacobian, so linear
// invariants (nitrogen and sulfur atoms) are kept to round-off. Positivity: a step that would make
// a concentration negative (beyond 0.1 molecule cm-3, round-off) is rejected and retried shorter;
// round-off negatives are set to zero, and any larger ones left at the minimum step too, those
// counted. Everything lives in fixed-size arrays: no allocation, no exceptions, callable in a
// kernel.
#include "chemistry/device_mechanism.hpp"
#include "chemistry/lanes.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::chem {

struct SolverControl {
  double rtol = 1e-3;                      ///< relative tolerance
  double atol = 1e5;                       ///< absolute tolerance [molecules cm-3]
  double radical_rtol_factor = 100;        ///< rtol × this for the fast radicals (kFastRadicals)
  double h_start_s = 1.0, h_min_s = 1e-6;  ///< first step (when no earlier one is known), minimum
  int max_steps = 5000;
};

struct SolverStats {
  int steps = 0, rejected = 0, clipped = 0;
  double h_next_s = 0;  ///< the step size the controller would take next
  bool failed = false;  ///< ran out of steps before the end of the interval
};

/// Integrates y [molecules cm-3] over dt_s with rate coefficients k, starting with step h_start_s.
/// T is double (one cell) or Lanes<W> (W cells that share the step size: the step is accepted when
/// every lane's error is, and the next one is the smallest the lanes allow).
template <class System, class T>
KOKKOS_INLINE_FUNCTION SolverStats integrate(const System& m, const T* k, T* y, double dt_s,
                                             double h_start_s, const SolverControl& c) {
  // ROS3 (Sandu et al. 1997, Table 2).
  constexpr double kGamma = 0.43586652150845899942;
  constexpr double kC21 = -1.0156171083877702091975600115545;
  constexpr double kC31 = 4.0759956452537699824805835358067;
  constexpr double kC32 = 9.2076794298330791242156818474003;
  constexpr double kM1 = 1.0, kM2 = 6.1697947043828245592553615689730,
                   kM3 = -0.42772256543218573326238373806514;
  constexpr double kE1 = 0.5, kE2 = -2.9079558716805469821718236208017,
                   kE3 = 0.22354069897811569627360909276199;
  constexpr double kOrder = 3.0, kSafety = 0.9, kFacMin = 0.2, kFacMax = 6.0;
  constexpr int W = LaneCount<T>::value;
  // Negative values above this are round-off: clipped, not rejected [molecules cm-3]. Fixed, not
  // a share of atol: the atoms a clip adds are not conserved, so it stays far below any atol.
  constexpr double kRoundOff = 0.1;

  const int n = m.n();
  T a[kMaxNonzeros], k1[kMaxVariables], k2[kMaxVariables], k3[kMaxVariables], f[kMaxVariables],
      ynew[kMaxVariables];
  SolverStats stats;
  double t = 0, h = h_start_s < dt_s ? h_start_s : dt_s;
  bool last_rejected = false;
  double h_full = h;  // the controller's step before any cut to the interval's end
  while (t < dt_s) {
    if (stats.steps + stats.rejected >= c.max_steps) {
      stats.failed = true;
      return stats;
    }
    h_full = h;
    const double h_step = t + h > dt_s ? dt_s - t : h;
    m.factorise(k, y, 1.0 / (h_step * kGamma), a);
    m.tendencies(k, y, f);
    for (int v = 0; v < n; ++v) k1[v] = f[v];
    m.lu_solve(a, k1);
    for (int v = 0; v < n; ++v) ynew[v] = y[v] + k1[v];  // A21 = A31 = 1, A32 = 0
    m.tendencies(k, ynew, f);
    for (int v = 0; v < n; ++v) k2[v] = f[v] + (kC21 / h_step) * k1[v];
    m.lu_solve(a, k2);
    for (int v = 0; v < n; ++v) k3[v] = f[v] + (kC31 / h_step) * k1[v] + (kC32 / h_step) * k2[v];
    m.lu_solve(a, k3);
    double err2[W] = {};
    bool negative = false;
    for (int v = 0; v < n; ++v) {
      ynew[v] = y[v] + kM1 * k1[v] + kM2 * k2[v] + kM3 * k3[v];
      const T e = kE1 * k1[v] + kE2 * k2[v] + kE3 * k3[v];
      const double rtol = m.fast_radical(v) ? c.rtol * c.radical_rtol_factor : c.rtol;
      for (int l = 0; l < W; ++l) {
        const double y0 = lane(y[v], l), y1 = lane(ynew[v], l);
        const double ay = y0 < 0 ? -y0 : y0, an = y1 < 0 ? -y1 : y1;
        const double r = lane(e, l) / (c.atol + rtol * (ay > an ? ay : an));
        err2[l] += r * r;
        negative = negative || y1 < -kRoundOff;
      }
    }
    double err = 0;
    for (int l = 0; l < W; ++l) err = err2[l] > err ? err2[l] : err;
    err = math::sqrt(err / n);
    double fac = kSafety * math::pow(err > 1e-10 ? err : 1e-10, -1.0 / kOrder);
    fac = fac < kFacMin ? kFacMin : (fac > kFacMax ? kFacMax : fac);
    if ((err <= 1.0 && !negative) || h_step <= c.h_min_s) {
      for (int v = 0; v < n; ++v) {
        for (int l = 0; l < W; ++l) {
          double& x = lane(ynew[v], l);
          if (x < 0) {
            if (x < -kRoundOff) ++stats.clipped;  // beyond round-off: worth counting
            x = 0;
          }
        }
        y[v] = ynew[v];
      }
      t += h_step;
      ++stats.steps;
      if (last_rejected && fac > 1) fac = 1;
      last_rejected = false;
      h = h_step * fac;
    } else {
      ++stats.rejected;
      last_rejected = true;
      h = h_step * (negative && err <= 1.0 ? 0.5 : fac);
    }
    if (h < c.h_min_s) h = c.h_min_s;
  }
  stats.h_next_s = h > h_full ? h : h_full;
  return stats;
}

}  // namespace kctm::chem
