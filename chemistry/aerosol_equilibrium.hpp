#pragma once
// Gas–particle partitioning at the end of each chemistry step, in thermodynamic equilibrium.
//
// Inorganic: sulfate takes ammonia first, up to ammonium sulfate; the ammonia left and the nitric
// acid then form NH4NO3 when their product exceeds the dissociation constant Kp of Mozurkewich
// (1993, Atmos. Environ. 27A:261), with its deliquescence humidity and the aqueous Kp above it
// (shared/science/REFERENCES.md). Nitrogen and sulfur are exactly kept.
//
// Organic: absorptive partitioning (Pankow 1994; Odum et al. 1996) of the semi-volatile products
// into all organic aerosol, C*(T) from its 300 K value by Clausius–Clapeyron with CAMx SOAP2.2's
// enthalpies; the organic aerosol mass solves C_OA = base + Σ A_i / (1 + C*_i / C_OA).
#include "base/constants.hpp"
#include "chemistry/bracketed_newton.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::chem {

/// NH4NO3 ⇌ NH3 + HNO3 dissociation constant [ppb²] at temperature t_k [K] and relative humidity
/// rh [0–1].
KOKKOS_INLINE_FUNCTION double nh4no3_kp_ppb2(double t_k, double rh) {
  const double ln_t = math::log(t_k);
  const double kp_dry = math::exp(118.87 - 24084.0 / t_k - 6.025 * ln_t);
  const double drh = math::exp(723.7 / t_k + 1.6954) / 100.0;
  if (rh < drh) return kp_dry;
  const double p1 = math::exp(-135.94 + 8763.0 / t_k + 19.12 * ln_t);
  const double p2 = math::exp(-122.65 + 9969.0 / t_k + 16.22 * ln_t);
  const double p3 = math::exp(-182.61 + 13875.0 / t_k + 24.46 * ln_t);
  const double dry = 1.0 - (rh < 0.99 ? rh : 0.99);
  const double dry_1_75 = dry * math::sqrt(dry * math::sqrt(dry));  // dry^1.75 without a power
  return (p1 - p2 * dry + p3 * dry * dry) * dry_1_75 * kp_dry;
}

/// Inorganic partitioning of totals [ppb]: sulfate, ammonia (NH3 + NH4+) and nitrate
/// (HNO3 + NO3-).
struct InorganicSplit {
  double nh3, nh4, hno3, no3;
};
KOKKOS_INLINE_FUNCTION InorganicSplit partition_inorganic(double t_k, double rh, double sulfate,
                                                          double ammonia, double nitrate) {
  const double with_sulfate = ammonia < 2.0 * sulfate ? ammonia : 2.0 * sulfate;
  const double free_nh3 = ammonia - with_sulfate;
  const double kp = nh4no3_kp_ppb2(t_k, rh);
  double x = 0;  // NH4NO3 formed: (free_nh3 − x)(nitrate − x) = Kp, the smaller root
  if (free_nh3 * nitrate > kp) {
    const double d = free_nh3 - nitrate;
    x = 2.0 * (free_nh3 * nitrate - kp) / (free_nh3 + nitrate + math::sqrt(d * d + 4.0 * kp));
  }
  return {free_nh3 - x, with_sulfate + x, nitrate - x, x};
}

/// Semi-volatile organic products CG1..CG4 (chemistry/species.hpp).
constexpr int kSemiVolatiles = 4;

/// Saturation concentration C* [µg m-3] of product i at temperature t_k [K].
KOKKOS_INLINE_FUNCTION double saturation_concentration(int i, double t_k) {
  constexpr double kCstar300[kSemiVolatiles] = {14.0, 0.31, 26.0, 0.45};
  constexpr double kDhvap_kJ[kSemiVolatiles] = {116.0, 147.0, 118.0, 123.0};
  constexpr double kR = 1e-3 * constants::kGasConstant;  // [kJ mol-1 K-1]
  return kCstar300[i] * (300.0 / t_k) * math::exp(-kDhvap_kJ[i] / kR * (1.0 / t_k - 1.0 / 300.0));
}

/// Splits the totals `total_ug` (gas + particle) [µg m-3] of the semi-volatiles; `base_ug` is the
/// non-volatile organic aerosol they dissolve in. Writes the particle parts to `particle_ug`;
/// returns the iterations taken.
KOKKOS_INLINE_FUNCTION int partition_organic(double t_k, double base_ug, const double* total_ug,
                                             double* particle_ug) {
  double cstar[kSemiVolatiles], sum = 0;
  for (int i = 0; i < kSemiVolatiles; ++i) {
    cstar[i] = saturation_concentration(i, t_k);
    sum += total_ug[i];
  }
  // g(C) = C − base − Σ A_i C/(C + C*_i) is increasing past its root and g(base) ≤ 0 ≤
  // g(base + Σ A_i): Newton's method kept inside that bracket, to 1e-13 of the bracket's top.
  const double hi = base_ug + sum;
  const RootResult root = bracketed_newton(
      [&](double oa, double& g, double& dg) {
        g = oa - base_ug;
        dg = 1.0;
        for (int i = 0; i < kSemiVolatiles; ++i) {
          const double d = oa + cstar[i];
          g -= total_ug[i] * oa / d;
          dg -= total_ug[i] * cstar[i] / (d * d);
        }
      },
      base_ug, hi, hi, 1e-13 * hi, 100);
  const double oa = root.x;
  for (int i = 0; i < kSemiVolatiles; ++i) {
    particle_ug[i] = oa > 0 ? total_ug[i] * oa / (oa + cstar[i]) : 0.0;
  }
  return root.iterations;
}

}  // namespace kctm::chem
