#pragma once
// The per-cell stiff integrator: the three-stage, third-order, L-stable Rosenbrock method ROS3 of
// Sandu et al. (1997, Atmos. Environ. 31:3459, "Benchmarking stiff ODE solvers for atmospheric
// chemistry problems II") with its embedded second-order error estimate, step-size control as in
// Hairer & Wanner (1996, ch. IV.7) and KPP, the exact analytic Jacobian and the mechanism's sparse
// LU, for any System offering n(), tendencies(k, y, f), factorise(k, y, diagonal, a) and
// lu_solve(a, x) — the generated KCTM-C1 code (chemistry/kctm_c1_system.hpp) or a mechanism
// interpreted from its compiled tables (chemistry/device_mechanism.hpp). Rosenbrock stages are
// linear in the Jacobian, so linear invariants (nitrogen and sulfur atoms) are kept to round-off.
// Positivity: a step that would make a concentration negative is rejected and retried shorter; only
// at the minimum step are small negatives clipped, and counted. Everything lives in fixed-size
// arrays: no allocation, no exceptions, callable in a kernel.
#include "chemistry/device_mechanism.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::chem {

struct SolverControl {
  double rtol = 1e-3;  ///< relative tolerance
  double atol = 1e2;   ///< absolute tolerance [molecules cm-3]
  double h_start_s = 1.0, h_min_s = 1e-6;
  int max_steps = 5000;
};

struct SolverStats {
  int steps = 0, rejected = 0, clipped = 0;
  bool failed = false;  ///< ran out of steps before the end of the interval
};

/// Integrates y [molecules cm-3] over dt_s with rate coefficients k.
template <class System>
KOKKOS_INLINE_FUNCTION SolverStats integrate(const System& m, const double* k, double* y,
                                             double dt_s, const SolverControl& c) {
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

  const int n = m.n();
  double a[kMaxNonzeros], k1[kMaxVariables], k2[kMaxVariables], k3[kMaxVariables], f[kMaxVariables],
      ynew[kMaxVariables];
  SolverStats stats;
  double t = 0, h = c.h_start_s < dt_s ? c.h_start_s : dt_s;
  bool last_rejected = false;
  while (t < dt_s) {
    if (stats.steps + stats.rejected >= c.max_steps) {
      stats.failed = true;
      return stats;
    }
    if (t + h > dt_s) h = dt_s - t;
    m.factorise(k, y, 1.0 / (h * kGamma), a);
    m.tendencies(k, y, f);
    for (int v = 0; v < n; ++v) k1[v] = f[v];
    m.lu_solve(a, k1);
    for (int v = 0; v < n; ++v) ynew[v] = y[v] + k1[v];  // A21 = A31 = 1, A32 = 0
    m.tendencies(k, ynew, f);
    for (int v = 0; v < n; ++v) k2[v] = f[v] + kC21 / h * k1[v];
    m.lu_solve(a, k2);
    for (int v = 0; v < n; ++v) k3[v] = f[v] + (kC31 * k1[v] + kC32 * k2[v]) / h;
    m.lu_solve(a, k3);
    double err2 = 0;
    bool negative = false;
    for (int v = 0; v < n; ++v) {
      ynew[v] = y[v] + kM1 * k1[v] + kM2 * k2[v] + kM3 * k3[v];
      const double e = kE1 * k1[v] + kE2 * k2[v] + kE3 * k3[v];
      const double ay = y[v] < 0 ? -y[v] : y[v], an = ynew[v] < 0 ? -ynew[v] : ynew[v];
      const double scale = c.atol + c.rtol * (ay > an ? ay : an);
      err2 += (e / scale) * (e / scale);
      negative = negative || ynew[v] < 0;
    }
    const double err = math::sqrt(err2 / n);
    double fac = kSafety * math::pow(err > 1e-10 ? err : 1e-10, -1.0 / kOrder);
    fac = fac < kFacMin ? kFacMin : (fac > kFacMax ? kFacMax : fac);
    const bool at_min = h <= c.h_min_s;
    if ((err <= 1.0 && !negative) || at_min) {
      for (int v = 0; v < n; ++v) {
        if (ynew[v] < 0) {
          ynew[v] = 0;
          ++stats.clipped;
        }
        y[v] = ynew[v];
      }
      t += h;
      ++stats.steps;
      if (last_rejected && fac > 1) fac = 1;
      last_rejected = false;
      h *= fac;
    } else {
      ++stats.rejected;
      last_rejected = true;
      h *= negative && err <= 1.0 ? 0.5 : fac;
    }
    if (h < c.h_min_s) h = c.h_min_s;
  }
  return stats;
}

}  // namespace kctm::chem
