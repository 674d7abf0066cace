#pragma once
// Dry deposition velocities of the model species, v_d = 1 / (r_a + r_b + r_c) for gases and
// v_g + 1 / (r_a + R_s) for particles, per column from the hour's surface layer.
//
// Gases: Wesely (1989, Atmos. Environ. 23:1293). r_b = 2 / (κ u*) (Sc / Pr)^(2/3) (his eq. 1 and
// Hicks et al. 1987); r_c from the seasonal land-use resistances of his Table 1 (the baseline
// values as CAMx 5.10 chmdat.f carries them, 9999 = no such pathway) combined over stomata (with
// light and temperature, eq. 3), mesophyll (eq. 6), cuticles (eq. 7), the lower canopy (eq. 8)
// and the ground (eq. 9), scaled per gas by its effective Henry constant H* and reactivity f0
// (Table 2). Wet canopies (rain in the hour): eq. 10–14 (the r_lu of SO2, O3 and the others) and
// stomata × 3. Below 0 °C, r_lu, r_cl and r_gs grow by 1000 exp(−T − 4) s m-1; r_c ≥ 10 s m-1
// (his closing section). No dew (needs surface humidity), flat terrain (r_dc with θ = 0).
//
// Particles: Zhang et al. (2001, Atmos. Environ. 35:549): settling v_g = ρ_p d² g C_c / (18 μ),
// R_s = 1 / (ε0 u* (E_B + E_IM + E_IN) R1) with ε0 = 3, E_B = Sc^−γ, E_IM = (St / (α + St))²,
// E_IN = ½ (d / A)², R1 = exp(−√St); St = v_g u* / (g A) over vegetation, v_g u*² / ν over smooth
// surfaces (their Table 3: A, α, γ per land-use category and season). Two representative sizes:
// fine (accumulation mode) d = 0.4 µm, ρ_p = 1500 kg m-3, inside the 0.3–0.5 µm range of
// accumulation-mode mass median diameters (Whitby 1978, Atmos. Environ. 12:135; Seinfeld & Pandis
// 2016, ch. 8) and a sulfate–organic mixture's density; coarse (PMC, 2.5–10 µm) d = 4.5 µm,
// ρ_p = 2000 kg m-3 (the coarse mode's mass median near 4–6 µm in the same sources; crustal
// material 2600 kg m-3 mixed with lighter matter). Dry sizes: no hygroscopic growth yet.
//
// Land use: the USGS 24 categories (WRF's LU_INDEX) map to Wesely's 11 types and Zhang's 15
// categories as follows (Wesely: 1 urban, 2 agricultural, 3 range, 4 deciduous forest, 5
// coniferous forest, 6 mixed forest incl. wetland, 7 water, 8 barren/desert, 9 non-forested
// wetland, 10 mixed agricultural and range, 11 rocky open with low shrubs; Zhang: 1 evergreen
// needleleaf, 2 evergreen broadleaf, 3 deciduous needleleaf, 4 deciduous broadleaf, 5 mixed
// forest, 6 grass, 7 crops, 8 desert, 9 tundra, 10 shrubs, 11 wetland, 12 ice, 13 inland water,
// 14 ocean, 15 urban):
//
//   USGS                              Wesely  Zhang   why, where not obvious
//    1 urban and built-up                1      15
//    2 dryland cropland and pasture      2       7
//    3 irrigated cropland and pasture    2       7
//    4 mixed dryland/irrigated cropland  2       7
//    5 cropland/grassland mosaic        10       7   Wesely's "mixed agricultural and range"
//    6 cropland/woodland mosaic          4       4   woods of the mosaic dominate r_c and A
//    7 grassland                         3       6
//    8 shrubland                        11      10   low shrubs, sparse cover
//    9 mixed shrubland/grassland         3      10
//   10 savanna                           3       6   grass with scattered trees
//   11 deciduous broadleaf forest        4       4
//   12 deciduous needleleaf forest       4       3
//   13 evergreen broadleaf forest        4       2   broadleaf stomata (Wesely has no evergreen
//                                                     broadleaf type; subtropical China)
//   14 evergreen needleleaf forest       5       1
//   15 mixed forest                      6       5
//   16 water bodies                      7      13   inland water (kctm's domain is inland)
//   17 herbaceous wetland                9      11
//   18 wooded wetland                    6      11   Wesely's type 6 includes forested wetland
//   19 barren or sparsely vegetated      8       8
//   20 herbaceous tundra                11       9
//   21 wooded tundra                    11       9
//   22 mixed tundra                     11       9
//   23 bare ground tundra                8       9
//   24 snow or ice                       8      12   Wesely: barren (no ice type)
//
// Seasons (both schemes): 1 midsummer with lush vegetation, 2 autumn with unharvested cropland,
// 3 late autumn after frost / winter without snow, 4 winter with snow, 5 transitional spring;
// `wesely_season` picks one from the month and latitude as CAMx does (chmdat.f, iseason).
//
// Everything pointwise is KOKKOS_INLINE_FUNCTION and callable in kernels; the tables are plain
// structs, built on the host and copied to device views once.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/constants.hpp"
#include "kernels/kokkos_types.hpp"
#include "kernels/transport_views.hpp"

namespace kctm::chem {

constexpr int kWeselyLandTypes = 11, kZhangLandTypes = 15, kDepositionSeasons = 5;

/// Resistances of one Wesely land type in one season (his Table 1) [s m-1]; kNoPathway where the
/// table has 9999.
struct WeselySurface {
  double r_i;    ///< minimum stomatal resistance for water vapour
  double r_lu;   ///< upper-canopy (cuticle) resistance
  double r_ac;   ///< in-canopy transfer (canopy height and density)
  double r_gss;  ///< ground, SO2
  double r_gso;  ///< ground, O3
  double r_cls;  ///< lower canopy, SO2
  double r_clo;  ///< lower canopy, O3
};

/// One Zhang et al. (2001) land-use category in one season (their Table 3).
struct ZhangSurface {
  double a_m;    ///< characteristic radius of the collectors [m]; 0: smooth surface
  double alpha;  ///< impaction parameter α [1]
  double gamma;  ///< Brownian exponent γ [1]
};

/// What Wesely's eq. 10–14 single out on wet canopies.
enum class WetCanopyRule : int { Generic = 0, SulfurDioxide = 1, Ozone = 2 };

/// Wesely's Table 2 properties of a gas.
struct GasDeposition {
  double h_star_m_atm;       ///< effective Henry's law constant H* [M atm-1]
  double f0;                 ///< reactivity (oxidising capacity) [0–1]
  double diffusivity_ratio;  ///< D_H2O / D_gas [1]
  WetCanopyRule wet_rule;
};

/// A particle class's representative size and density.
struct ParticleDeposition {
  double diameter_m;     ///< [m]
  double density_kg_m3;  ///< [kg m-3]
};

enum class DepositionKind : int { None = 0, Gas = 1, Particle = 2 };

/// How one species deposits (a plain struct: copied to the device as is).
struct DepositionSpecies {
  DepositionKind kind = DepositionKind::None;
  GasDeposition gas{0, 0, 1, WetCanopyRule::Generic};
  ParticleDeposition particle{0, 0};
};

/// The surface of one column in one hour.
struct SurfaceState {
  double ustar_m_s;    ///< friction velocity [m s-1]
  double ra_s_m;       ///< aerodynamic resistance to the lowest layer's middle [s m-1]
  double t2_k;         ///< 2 m temperature [K]
  double psfc_pa;      ///< surface pressure [Pa]
  double swdown_w_m2;  ///< downward shortwave at the ground [W m-2]
  bool wet;            ///< canopy wet from rain (precipitation in the hour)
};

namespace dep {

constexpr double kNoPathway = 1e25;     // a resistance standing for "no such pathway" [s m-1]
constexpr double kMinUstar = 0.01;      // floor for calm hours, keeps r_b finite [m s-1]
constexpr double kMinSurfaceRc = 10.0;  // Wesely (1989), closing section [s m-1]
constexpr double kPrandtl = 0.72;       // of air

/// Dynamic viscosity of air, Sutherland's law [kg m-1 s-1].
KOKKOS_INLINE_FUNCTION double air_viscosity(double t_k) {
  return 1.458e-6 * t_k * math::sqrt(t_k) / (t_k + 110.4);
}

/// Molecular diffusivity of water vapour in air, Massman (1998, Atmos. Environ. 32:1111, Table 2:
/// 0.2178 cm2 s-1 at 273.15 K and 1 atm, T^1.81) [m2 s-1].
KOKKOS_INLINE_FUNCTION double water_vapour_diffusivity(double t_k, double p_pa) {
  return 2.178e-5 * math::pow(t_k / 273.15, 1.81) * (constants::kStandardAtmosphere / p_pa);
}

/// Mean free path of air molecules, λ = 2 μ / (p √(8 M / (π R T))) (Seinfeld & Pandis 2016, eq.
/// 9.6) [m].
KOKKOS_INLINE_FUNCTION double mean_free_path(double t_k, double p_pa) {
  return 2 * air_viscosity(t_k) /
         (p_pa * math::sqrt(8 * constants::kMolarMassDryAir /
                            (constants::kPi * constants::kGasConstant * t_k)));
}

/// Cunningham slip correction (Seinfeld & Pandis 2016, eq. 9.34) [1].
KOKKOS_INLINE_FUNCTION double slip_correction(double d_m, double mfp_m) {
  const double kn = 2 * mfp_m / d_m;
  return 1 + kn * (1.257 + 0.4 * math::exp(-1.1 / kn));
}

/// Conductance of a resistance, 0 for "no pathway" [m s-1].
KOKKOS_INLINE_FUNCTION double conductance(double r) { return r >= kNoPathway ? 0.0 : 1.0 / r; }

/// 1 / Σ conductances; kNoPathway when they vanish.
KOKKOS_INLINE_FUNCTION double parallel(double g) {
  return g > 1.0 / kNoPathway ? 1.0 / g : kNoPathway;
}

}  // namespace dep

/// Wesely land type (0-based, 0..10) of a USGS 24 category (1..24; others: agricultural).
KOKKOS_INLINE_FUNCTION int wesely_land_of_usgs(int usgs) {
  switch (usgs) {
    case 1: return 0;
    case 2:
    case 3:
    case 4: return 1;
    case 5: return 9;
    case 6: return 3;
    case 7:
    case 9:
    case 10: return 2;
    case 8:
    case 20:
    case 21:
    case 22: return 10;
    case 11:
    case 12:
    case 13: return 3;
    case 14: return 4;
    case 15:
    case 18: return 5;
    case 16: return 6;
    case 17: return 8;
    case 19:
    case 23:
    case 24: return 7;
    default: return 1;
  }
}

/// Zhang et al. (2001) category (0-based, 0..14) of a USGS 24 category (others: crops).
KOKKOS_INLINE_FUNCTION int zhang_land_of_usgs(int usgs) {
  switch (usgs) {
    case 1: return 14;
    case 2:
    case 3:
    case 4:
    case 5: return 6;
    case 6:
    case 11: return 3;
    case 7:
    case 10: return 5;
    case 8:
    case 9: return 9;
    case 12: return 2;
    case 13: return 1;
    case 14: return 0;
    case 15: return 4;
    case 16: return 12;
    case 17:
    case 18: return 10;
    case 19: return 7;
    case 20:
    case 21:
    case 22:
    case 23: return 8;
    case 24: return 11;
    default: return 6;
  }
}

/// Quasi-laminar sublayer resistance of a gas, r_b = 2 / (κ u*) (Sc / Pr)^(2/3) [s m-1].
KOKKOS_INLINE_FUNCTION double gas_quasi_laminar_resistance(const GasDeposition& gas,
                                                           const SurfaceState& s) {
  const double ustar = s.ustar_m_s > dep::kMinUstar ? s.ustar_m_s : dep::kMinUstar;
  const double rho = s.psfc_pa / (constants::kRd * s.t2_k);
  const double nu = dep::air_viscosity(s.t2_k) / rho;
  const double d_gas = dep::water_vapour_diffusivity(s.t2_k, s.psfc_pa) / gas.diffusivity_ratio;
  return 2.0 / (constants::kKarman * ustar) * math::pow(nu / d_gas / dep::kPrandtl, 2.0 / 3.0);
}

/// Bulk surface resistance r_c of a gas after Wesely (1989), eq. 2–14 [s m-1].
KOKKOS_INLINE_FUNCTION double wesely_surface_resistance(const GasDeposition& gas,
                                                        const WeselySurface& w, int season,
                                                        const SurfaceState& s) {
  using dep::conductance;
  using dep::kNoPathway;
  const double t_c = s.t2_k - 273.15, g = s.swdown_w_m2 > 0 ? s.swdown_w_m2 : 0.0;
  const double h = gas.h_star_m_atm, f0 = gas.f0;
  const bool wet = s.wet && season != 4;  // no wet-canopy effect on snow (Wesely)
  // Stomata (eq. 3, closed outside 0–40 °C), tripled on wet leaves; with the mesophyll (eq. 4, 6).
  double r_s = kNoPathway;
  if (w.r_i < kNoPathway && t_c > 0 && t_c < 40) {
    const double light = 200.0 / (g + 0.1);
    r_s = w.r_i * (1 + light * light) * (400.0 / (t_c * (40 - t_c)));
    if (wet) r_s *= 3;
  }
  const double r_m = 1.0 / (h / 3000.0 + 100.0 * f0);
  const double r_sm = r_s >= kNoPathway ? kNoPathway : r_s * gas.diffusivity_ratio + r_m;
  // Below 0 °C surfaces take up less (Wesely, p. 1296).
  const double cold = t_c < 0 ? 1000.0 * math::exp(-t_c - 4) : 0.0;
  // Cuticles (eq. 7), or the wet-canopy forms (eq. 10–14).
  double r_lu = kNoPathway;
  if (w.r_lu < kNoPathway) {
    if (!wet) {
      r_lu = w.r_lu / (1e-5 * h + f0);
    } else if (gas.wet_rule == WetCanopyRule::SulfurDioxide) {
      r_lu = 1.0 / (1.0 / 5000.0 + 1.0 / (3 * w.r_lu));  // eq. 12 (rain)
    } else {
      const double r_lu_o3 = 1.0 / (1.0 / 1000.0 + 1.0 / (3 * w.r_lu));  // eq. 13 (rain)
      r_lu =
          gas.wet_rule == WetCanopyRule::Ozone
              ? r_lu_o3
              : 1.0 / (1.0 / (3 * w.r_lu / (1e-5 * h + f0)) + 1e-7 * h + f0 / r_lu_o3);  // eq. 14
    }
    r_lu += cold;
  }
  // Lower canopy (eq. 8) and ground (eq. 9), SO2 and O3 as reference gases.
  const double r_cl = dep::parallel(h * 1e-5 * conductance(w.r_cls) + f0 * conductance(w.r_clo));
  const double r_gs = dep::parallel(h * 1e-5 * conductance(w.r_gss) + f0 * conductance(w.r_gso));
  // Buoyant convection in canopies (eq. 5), flat terrain.
  const double r_dc = 100.0 * (1 + 1000.0 / (g + 10.0));
  const double g_total = conductance(r_sm) + conductance(r_lu) +
                         (r_cl >= kNoPathway ? 0.0 : 1.0 / (r_dc + r_cl + cold)) +
                         (r_gs >= kNoPathway ? 0.0 : 1.0 / (w.r_ac + r_gs + cold));
  const double r_c = dep::parallel(g_total);
  return r_c > dep::kMinSurfaceRc ? r_c : dep::kMinSurfaceRc;
}

/// Deposition velocity of a gas, 1 / (r_a + r_b + r_c) [m s-1].
KOKKOS_INLINE_FUNCTION double gas_deposition_velocity(const GasDeposition& gas,
                                                      const WeselySurface& w, int season,
                                                      const SurfaceState& s) {
  const double r_a = s.ra_s_m > 0 ? s.ra_s_m : 0.0;
  return 1.0 / (r_a + gas_quasi_laminar_resistance(gas, s) +
                wesely_surface_resistance(gas, w, season, s));
}

/// Settling velocity of a particle, ρ_p d² g C_c / (18 μ) [m s-1].
KOKKOS_INLINE_FUNCTION double settling_velocity(const ParticleDeposition& p, double t_k,
                                                double p_pa) {
  const double d = p.diameter_m;
  return p.density_kg_m3 * d * d * constants::kGravity *
         dep::slip_correction(d, dep::mean_free_path(t_k, p_pa)) / (18 * dep::air_viscosity(t_k));
}

/// Deposition velocity of a particle after Zhang et al. (2001), v_g + 1 / (r_a + R_s) [m s-1].
KOKKOS_INLINE_FUNCTION double particle_deposition_velocity(const ParticleDeposition& p,
                                                           const ZhangSurface& z,
                                                           const SurfaceState& s) {
  const double ustar = s.ustar_m_s > dep::kMinUstar ? s.ustar_m_s : dep::kMinUstar;
  const double t = s.t2_k, d = p.diameter_m;  // 2 m temperature [K], particle diameter [m]
  const double mu = dep::air_viscosity(t), rho = s.psfc_pa / (constants::kRd * t);
  const double cc = dep::slip_correction(d, dep::mean_free_path(t, s.psfc_pa));
  const double v_g = settling_velocity(p, t, s.psfc_pa);
  const double d_brown = cc * constants::kBoltzmann * t / (3 * constants::kPi * mu * d);
  const double e_b = math::pow(mu / rho / d_brown, -z.gamma);
  const bool smooth = z.a_m <= 0;
  const double st =
      smooth ? v_g * ustar * ustar / (mu / rho) : v_g * ustar / (constants::kGravity * z.a_m);
  const double e_im = (st / (z.alpha + st)) * (st / (z.alpha + st));
  const double e_in = smooth ? 0.0 : 0.5 * (d / z.a_m) * (d / z.a_m);
  const double r_s = 1.0 / (3.0 * ustar * (e_b + e_im + e_in) * math::exp(-math::sqrt(st)));
  const double r_a = s.ra_s_m > 0 ? s.ra_s_m : 0.0;
  return v_g + 1.0 / (r_a + r_s);
}

/// Deposition velocity of any species over USGS land use `usgs` [m s-1]; 0 for
/// DepositionKind::None. `wesely` and `zhang` are the rows of the tables for this column's land
/// type and season.
KOKKOS_INLINE_FUNCTION double deposition_velocity(const DepositionSpecies& sp,
                                                  const WeselySurface& wesely,
                                                  const ZhangSurface& zhang, int season,
                                                  const SurfaceState& s) {
  switch (sp.kind) {
    case DepositionKind::Gas: return gas_deposition_velocity(sp.gas, wesely, season, s);
    case DepositionKind::Particle: return particle_deposition_velocity(sp.particle, zhang, s);
    default: return 0.0;
  }
}

/// Wesely's Table 1 row for land type `land` (0..10) in season 1..5 (host).
WeselySurface wesely_surface(int land, int season);

/// Zhang et al. (2001) Table 3 row for category `category` (0..14) in season 1..5 (host).
ZhangSurface zhang_surface(int category, int season);

/// How species `name` of kSpecies deposits (DepositionKind::None for radicals, hydrocarbons, CO
/// and other species without a deposition pathway here); throws kctm::Error for an unknown name.
DepositionSpecies deposition_properties(std::string_view name);

/// Season 1..5 for a month (1..12) at a latitude, CAMx's table (chmdat.f) by latitude band.
int wesely_season(int month, double lat_deg);

/// Deposition velocities of a list of state fields, filled hourly on the device.
class DryDeposition {
 public:
  /// `fields`: (kSpecies name, state field) pairs; throws kctm::Error for an unknown name.
  explicit DryDeposition(const std::vector<std::pair<std::string, int>>& fields);

  /// Fills vdep_m_s(field, j, i) [m s-1] of the listed fields from the hour's surface in season
  /// 1..5 (wesely_season); other fields are left as they are. One thread per column.
  void fill(const DeviceSurface& surface, int season, View3D<double> vdep_m_s) const;

 private:
  View1D<DepositionSpecies> species_;
  View1D<int> field_;
  View1D<WeselySurface> wesely_;  ///< (season − 1) × 11 + land
  View1D<ZhangSurface> zhang_;    ///< (season − 1) × 15 + category
};

}  // namespace kctm::chem
