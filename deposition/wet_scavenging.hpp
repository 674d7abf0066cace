#pragma once
// Wet scavenging: soluble gases and aerosols washed out by precipitation, q ← q exp(−Λ dt) in
// every cell from the ground to the top of the raining column, with Λ = λ R / (1 mm h-1) for a
// surface precipitation rate R (CALPUFF's form and default λ at 1 mm h-1 for liquid
// precipitation, shared/science/REFERENCES.md "Deposition": SO2 3e-5, HNO3 6e-5, SO4/NO3/PM
// 1e-4 s-1).
//
// The raining column reaches the cloud top, the highest layer whose cloud water exceeds
// 0.05 g m-3 (CAMx's threshold for a cloud, chmdat.f cwmin); with rain but no such layer, the top
// of the boundary layer (the highest layer whose bottom lies below it, at least the ground layer).
// Cells above the threshold are in cloud, the others below cloud.
//
// Coefficients at 1 mm h-1 (table built by `wet_scavenging_coefficients`):
// - HNO3: 6e-5 (CALPUFF), in and below cloud; uptake irreversible, limited by mass transfer.
// - H2O2, NH3 (in acidic rain), CG1–CG4: as HNO3 (H* ≥ 1e5 M atm-1: the drops' capacity does not
//   limit them, so mass transfer does).
// - SO2: 3e-5 (CALPUFF), HCHO: as HNO3; both only reversibly soluble, so Λ is capped by what
//   drops in equilibrium carry away, Λ_eq = R H* R_gas T / H_col for a column of depth H_col
//   (Seinfeld & Pandis 2016, §20.3), with H*(SO2) = 1.23 (1 + 1.3e-2 / [H+]) M atm-1 at the rain's
//   pH (Seinfeld & Pandis Tables 7.2–7.3, 298 K) and H*(HCHO) = 6e3 M atm-1 (Wesely 1989). At pH
//   4.5 SO2's cap (H* ≈ 500) is ~3e-6 s-1 at 1 mm h-1 through a 1 km column: an order below
//   CALPUFF's value, which ignores saturation of the drops.
// - Aerosols (SULF, NIT, NH4, SOA1–4, SOANV, PEC, POA, POTH, PMC): 1e-4 (CALPUFF) in cloud
//   (nucleation scavenging) and for coarse PMC below cloud (impaction); fine particles below cloud
//   1e-5, the upper end of raindrop collection of 0.1–1 µm particles (the "Greenfield gap", ~1e-6
//   to 1e-5 s-1 at 1 mm h-1; Seinfeld & Pandis 2016, §20.4 [check]).
// - Everything else (O3, NOx, PAN, RNO3, ALD, radicals, hydrocarbons, CO, N2O5, whose uptake on
//   drops the cloud chemistry handles): 0.
// Liquid precipitation only: no separate snow coefficients yet.
#include <string>
#include <utility>
#include <vector>

#include "kernels/transport_views.hpp"

namespace kctm::chem {

/// Scavenging of one field at 1 mm h-1 of rain.
struct WetCoefficients {
  double in_cloud_per_s = 0;     ///< λ in cloud [s-1]
  double below_cloud_per_s = 0;  ///< λ below cloud [s-1]
  double henry_m_atm = 0;  ///< H* capping Λ by equilibrium with the drops; 0: no cap [M atm-1]
};

/// Coefficients of species `name` (kSpecies) for rain of pH `rain_ph`; zero for insoluble ones;
/// throws kctm::Error for an unknown name.
WetCoefficients wet_coefficients(const std::string& name, double rain_ph = 4.5);

/// Per-field table (n_fields entries, zero for fields not listed) on the device, from (kSpecies
/// name, state field) pairs.
View1D<WetCoefficients> wet_scavenging_coefficients(
    const std::vector<std::pair<std::string, int>>& fields, int n_fields, double rain_ph = 4.5);

/// What wet scavenging reads, on the device, over the interior.
struct WetScavengingInputs {
  View2D<const double> precip_mm_h;            ///< precipitation rate at the ground (j, i) [mm h-1]
  View2D<const double> pblh_m;                 ///< boundary-layer height (j, i) [m]
  View3D<const double> cloud_water_kg_kg;      ///< cloud liquid water (k, j, i) [kg kg-1]
  View3D<const double> temperature_k;          ///< air temperature (k, j, i) [K]
  View1D<const WetCoefficients> coefficients;  ///< per field
};

/// The inputs from the hour's DeviceSurface and a coefficient table.
WetScavengingInputs wet_scavenging_inputs(const DeviceSurface& surface,
                                          View1D<const WetCoefficients> coefficients);

/// Scavenges every field of q (field, k, j, i; haloed, mixing ratios) over dt_s in air of density
/// `air` [kg m-3]: q ← q exp(−Λ dt) from the ground to the raining column's top. The removed mass
/// Σ ρ Δq A Δz goes to budget(field, kWetDeposited), summed per field in a fixed order;
/// `column_kg` (field, j, i) is scratch for it. Fields with zero coefficients stay untouched.
void scavenge_wet(const DeviceGeometry& geo, View3D<const double> air,
                  const WetScavengingInputs& in, double dt_s, View4D<double> q,
                  View3D<double> column_kg, MassBudget budget);

}  // namespace kctm::chem
