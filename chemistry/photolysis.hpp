#pragma once
// Photolysis frequencies from the solar zenith angle and clouds.
//
// Clear sky: the Master Chemical Mechanism's fits J = l cos(χ)^m exp(−n sec χ) (Saunders et al.
// 2003, ACP 3:161, Table 2; MCM v3 parameters J1, J3, J4, J5, J6, J7, J8, J11, J12, J13), computed
// for the lower troposphere. Measured clear-sky J(NO2) and J(O1D) depend only weakly on altitude
// below about 6 km (Dickerson et al. 1982, JGR 87:4933), so altitude enters through the cells'
// place relative to the clouds: below a cloud the frequencies are attenuated, above it enhanced by
// reflection, inside interpolated with height (Chang et al. 1987, JGR 92:14681, as in RADM and
// CMAQ): F_below = 1 + f (1.6 t_r cos χ − 1), F_above = 1 + f (1 − t_r) cos χ, with cloud
// fraction f and the cloud's transmissivity t_r = (5 − e^−τ) / (4 + 0.42 τ).
#include "chemistry/rate_laws.hpp"

namespace kctm::chem {

/// Clear-sky photolysis frequencies [s-1] for cos χ = `cos_zenith` (zero at night).
KOKKOS_INLINE_FUNCTION void clear_sky_photolysis(double cos_zenith, double* j) {
  struct Fit {
    double l, m, n;
  };
  // Saunders et al. (2003), Table 2, in the order of enum Photolysis.
  constexpr Fit kFits[kPhotolysisCount] = {
      {1.165e-2, 0.244, 0.267},  // J4  NO2
      {6.073e-5, 1.743, 0.474},  // J1  O3 → O(1D)
      {1.041e-5, 0.723, 0.279},  // J3  H2O2
      {2.485e-2, 0.168, 0.108},  // J5  NO3 → NO + O2
      {1.747e-1, 0.155, 0.125},  // J6  NO3 → NO2 + O
      {4.642e-5, 0.762, 0.353},  // J11 HCHO → H + HCO
      {6.853e-5, 0.477, 0.323},  // J12 HCHO → H2 + CO
      {7.344e-6, 1.202, 0.417},  // J13 CH3CHO → CH3 + HCO
      {9.312e-7, 1.230, 0.307},  // J8  HNO3
      {2.644e-3, 0.261, 0.288},  // J7  HONO → OH + NO
  };
  // Below 0.017 (the sun less than 1° above the horizon) sec χ makes the fits vanish anyway.
  const bool day = cos_zenith > 0.017;
  for (int p = 0; p < kPhotolysisCount; ++p) {
    j[p] =
        day ? kFits[p].l * math::pow(cos_zenith, kFits[p].m) * math::exp(-kFits[p].n / cos_zenith)
            : 0.0;
  }
}

/// Cloud optical depth of a liquid water path [kg m-2] with droplets of effective radius 10 µm:
/// τ = 3 LWP / (2 ρ_w r_e) (Stephens 1978, J. Atmos. Sci. 35:2123).
KOKKOS_INLINE_FUNCTION double cloud_optical_depth(double lwp_kg_m2) {
  return 3.0 * lwp_kg_m2 / (2.0 * 1000.0 * 10e-6);
}

/// Factor on the clear-sky frequencies of a cell with `above` ∈ [0, 1] its place in the cloud
/// layer (0 at or below the base, 1 at or above the top), under cloud fraction `fraction` of
/// optical depth `tau` (Chang et al. 1987).
KOKKOS_INLINE_FUNCTION double cloud_photolysis_factor(double fraction, double tau,
                                                      double cos_zenith, double above) {
  if (fraction <= 0 || tau <= 0 || cos_zenith <= 0) return 1.0;
  const double tr = (5.0 - math::exp(-tau)) / (4.0 + 0.42 * tau);
  const double below = 1.0 + fraction * (1.6 * tr * cos_zenith - 1.0);
  const double over = 1.0 + fraction * (1.0 - tr) * cos_zenith;
  return (1.0 - above) * below + above * over;
}

}  // namespace kctm::chem
