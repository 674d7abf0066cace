#pragma once
// Biogenic VOC: isoprene and monoterpenes from vegetation, with Guenther et al.'s (1993, J.
// Geophys. Res. 98:12609, "G93") light and temperature responses applied to canopy emission
// factors at standard conditions (30 °C, PAR 1000 µmol m-2 s-1) of MEGAN2.1's plant functional
// types (Guenther et al. 2012, Geosci. Model Dev. 5:1471, tables 2–3). Canopy-scale factors with
// leaf-scale responses: a simplification (no leaf area, leaf age or canopy layers), as in
// BEIS-like schemes. Land use (USGS 24 categories, WRF's LU_INDEX) maps to plant functional
// types by an approximate table (biogenic.cpp).
namespace kctm {

struct BiogenicRates {
  double isoprene_ug_m2_h;     ///< [µg m-2 h-1]
  double monoterpene_ug_m2_h;  ///< [µg m-2 h-1]
};

/// Emission factors of a USGS land-use category at standard conditions.
BiogenicRates standard_biogenic_rates(int usgs_land_use);

/// G93 light response C_L of isoprene to photosynthetically active radiation [µmol m-2 s-1].
double isoprene_light_response(double par_umol_m2_s);
/// G93 temperature response C_T of isoprene [1].
double isoprene_temperature_response(double t_k);
/// G93 monoterpene response exp(β (T − 303 K)), β = 0.09 K-1 [1].
double monoterpene_temperature_response(double t_k);

/// Emission rates of a column with land use `usgs_land_use`, surface air temperature t_k and
/// downward shortwave sw (PAR = 0.45 × 4.57 µmol J-1 × sw).
BiogenicRates biogenic_emission(int usgs_land_use, double t_k, double sw_w_m2);

}  // namespace kctm
