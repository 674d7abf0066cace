#pragma once
// Liquid water of the fine aerosol and the wet surface it offers to heterogeneous uptake.
//
// κ-Köhler theory (Petters & Kreidenweis 2007, ACP 7:1961, eq. 2, Zdanovskii–Stokes–Robinson
// mixing, the Kelvin term dropped for accumulation-mode particles): the water volume is
//   V_w = Σ κ_i V_i · a_w / (1 − a_w),   a_w = RH,
// over the dry components' volumes V_i = m_i / ρ_i. The wet surface of spheres of dry radius r_d:
//   S = 3 V_wet / r_wet,   r_wet = r_d (V_wet / V_dry)^(1/3).
// κ and densities per component, each inside the range of its source:
//  - sulfate and ammonium: ammonium sulfate, κ 0.61 (P&K 2007 Table 1, CCN-derived; 0.53 from
//    growth factors), ρ 1.77 g cm-3;
//  - nitrate: ammonium nitrate, κ 0.67 (P&K 2007 Table 1; 0.5–0.8), ρ 1.72 g cm-3;
//  - SOA: κ 0.1 (P&K 2007: 0.06–0.23 for chamber SOA; Jimenez et al. 2009, Science 326:1525,
//    0.1 for aged organic aerosol), ρ 1.4 g cm-3 (Hallquist et al. 2009, ACP 9:5155: 1.2–1.6);
//  - POA (hydrocarbon-like): κ 0.01 (Rickards et al. 2013, ACS Earth Space Chem.: ~0 for
//    fresh combustion organics; P&K 2007: 0–0.02), ρ 1.2 g cm-3;
//  - elemental carbon: κ 0 (insoluble), ρ 1.8 g cm-3 (Bond & Bergstrom 2006, AS&T 40:27);
//  - other primary PM2.5 (crustal matter, metals, salts): κ 0.05 (Koehler et al. 2009, GRL
//    36:L08805: 0.01–0.08 for mineral dusts), ρ 2.5 g cm-3.
// RH is capped at 0.95 (CMAQ's AERO6 cap): above it the particles are on their way to cloud drops,
// the cloud water of chemistry/cloud_water.hpp. Dry radius 0.1 µm, the surface-weighted radius of
// an urban accumulation mode (Seinfeld & Pandis 2016, Table 8.3: volume median diameter 0.2–0.3
// µm), so that at 70–80 % RH the wet radius is the 0.15 µm of the mode's usual wet size.
#include "kernels/kokkos_types.hpp"

namespace kctm::chem {

/// The fine aerosol's components, as aerosol_water's arguments take them.
enum AerosolComponent : int {
  kSulfateAmmonium,
  kNitrateComponent,
  kSecondaryOrganic,
  kPrimaryOrganic,
  kElementalCarbon,
  kOtherPrimary,
  kAerosolComponents
};

constexpr double kAerosolWaterRhCap = 0.95;
constexpr double kDryRadiusCm = 0.1e-4;

struct WetAerosol {
  double water_ug_m3;   ///< liquid water [µg m-3]
  double area_cm2_cm3;  ///< wet surface [cm2 cm-3]
};

/// Water and wet surface of the fine aerosol whose components weigh `ug_m3` [µg m-3] at
/// relative humidity `rh` [0–1].
KOKKOS_INLINE_FUNCTION WetAerosol wet_aerosol(const double* ug_m3, double rh) {
  // Hygroscopicity κ [1] and density [g cm-3] of each component (in the function: device code
  // reads no namespace-scope arrays).
  constexpr double kKappa[kAerosolComponents] = {0.61, 0.67, 0.1, 0.01, 0.0, 0.05};
  constexpr double kDensityGcm3[kAerosolComponents] = {1.77, 1.72, 1.4, 1.2, 1.8, 2.5};
  const double aw = rh < kAerosolWaterRhCap ? (rh > 0 ? rh : 0.0) : kAerosolWaterRhCap;
  double dry_cm3 = 0, water_cm3 = 0;  // per m3 of air
  for (int c = 0; c < kAerosolComponents; ++c) {
    const double v = ug_m3[c] * 1e-6 / kDensityGcm3[c];
    dry_cm3 += v;
    water_cm3 += kKappa[c] * v * aw / (1.0 - aw);
  }
  if (dry_cm3 <= 0) return {0.0, 0.0};
  const double wet_cm3 = dry_cm3 + water_cm3;
  const double r_wet = kDryRadiusCm * math::cbrt(wet_cm3 / dry_cm3);
  // Water at 1 g cm-3; the surface per m3 of air over 1e6 cm3 per m3.
  return {water_cm3 * 1e6, 3.0 * wet_cm3 / r_wet * 1e-6};
}

}  // namespace kctm::chem
