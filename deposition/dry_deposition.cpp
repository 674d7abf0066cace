#include "deposition/dry_deposition.hpp"

#include <array>
#include <cmath>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "chemistry/species.hpp"
#include "kernels/host_copy.hpp"

namespace kctm::chem {

namespace {

constexpr double X = 9999.0;  // Wesely's "no pathway", turned into dep::kNoPathway below
using Row = std::array<double, kWeselyLandTypes>;
using Table = std::array<Row, kDepositionSeasons>;

// Wesely (1989) Table 1, rows = seasons 1..5, columns = land types 1..11, as CAMx 5.10 carries
// them (chmdat.f; zero resistances over water written 0.001) [s m-1].
constexpr Table kRi = {{{X, 60, 120, 70, 130, 100, X, X, 80, 100, 150},
                        {X, X, X, X, 250, 500, X, X, X, X, X},
                        {X, X, X, X, 250, 500, X, X, X, X, X},
                        {X, X, X, X, 400, 800, X, X, X, X, X},
                        {X, 120, 240, 140, 250, 190, X, X, 160, 200, 300}}};
constexpr Table kRlu = {{{X, 2000, 2000, 2000, 2000, 2000, X, X, 2500, 2000, 4000},
                         {X, 9000, 9000, 9000, 4000, 8000, X, X, 9000, 9000, 9000},
                         {X, X, 9000, 9000, 4000, 8000, X, X, 9000, 9000, 9000},
                         {X, X, X, X, 6000, 9000, X, X, 9000, 9000, 9000},
                         {X, 4000, 4000, 4000, 2000, 3000, X, X, 4000, 4000, 8000}}};
constexpr Table kRac = {{{100, 200, 100, 2000, 2000, 2000, 0.001, 0.001, 300, 150, 200},
                         {100, 150, 100, 1500, 2000, 1700, 0.001, 0.001, 200, 120, 140},
                         {100, 10, 100, 1000, 2000, 1500, 0.001, 0.001, 100, 50, 120},
                         {100, 10, 10, 1000, 2000, 1500, 0.001, 0.001, 50, 10, 50},
                         {100, 50, 80, 1200, 2000, 1500, 0.001, 0.001, 200, 60, 120}}};
constexpr Table kRgss = {{{400, 150, 350, 500, 500, 100, 0.001, 1000, 0.001, 220, 400},
                          {400, 200, 350, 500, 500, 100, 0.001, 1000, 0.001, 300, 400},
                          {400, 150, 350, 500, 500, 200, 0.001, 1000, 0.001, 200, 400},
                          {100, 100, 100, 100, 100, 100, 0.001, 1000, 100, 100, 50},
                          {500, 150, 350, 500, 500, 200, 0.001, 1000, 0.001, 250, 400}}};
constexpr Table kRgso = {{{300, 150, 200, 200, 200, 300, 2000, 400, 1000, 180, 200},
                          {300, 150, 200, 200, 200, 300, 2000, 400, 800, 180, 200},
                          {300, 150, 200, 200, 200, 300, 2000, 400, 1000, 180, 200},
                          {600, 3500, 3500, 3500, 3500, 3500, 2000, 400, 3500, 3500, 3500},
                          {300, 150, 200, 200, 200, 300, 2000, 400, 1000, 180, 200}}};
constexpr Table kRcls = {{{X, 2000, 2000, 2000, 2000, 2000, X, X, 2500, 2000, 4000},
                          {X, 9000, 9000, 9000, 2000, 4000, X, X, 9000, 9000, 9000},
                          {X, X, 9000, 9000, 3000, 6000, X, X, 9000, 9000, 9000},
                          {X, X, X, 9000, 200, 400, X, X, 9000, X, 9000},
                          {X, 4000, 4000, 4000, 2000, 3000, X, X, 4000, 4000, 8000}}};
constexpr Table kRclo = {{{X, 1000, 1000, 1000, 1000, 1000, X, X, 1000, 1000, 1000},
                          {X, 400, 400, 400, 1000, 600, X, X, 400, 400, 400},
                          {X, 1000, 400, 400, 1000, 600, X, X, 800, 600, 600},
                          {X, 1000, 1000, 400, 1500, 600, X, X, 800, 1000, 800},
                          {X, 1000, 500, 500, 1500, 700, X, X, 600, 800, 800}}};

// Zhang et al. (2001) Table 3: A [mm] per season 1..5 (0: smooth surface, no A), α, γ. The
// season-1 A, α and γ agree with a second implementation (the Met Office UKCA aerosol scheme's
// Table 3 coefficients, ukca_ddepaer_coeff_mod).
struct ZhangRow {
  std::array<double, kDepositionSeasons> a_mm;
  double alpha, gamma;
};
constexpr std::array<ZhangRow, kZhangLandTypes> kZhang = {{
    {{2, 2, 2, 2, 2}, 1.0, 0.56},       // 1 evergreen needleleaf trees
    {{5, 5, 5, 5, 5}, 0.6, 0.58},       // 2 evergreen broadleaf trees
    {{2, 2, 5, 5, 2}, 1.1, 0.56},       // 3 deciduous needleleaf trees
    {{5, 5, 10, 10, 5}, 0.8, 0.56},     // 4 deciduous broadleaf trees
    {{5, 5, 5, 5, 5}, 0.8, 0.56},       // 5 mixed broadleaf and needleleaf trees
    {{2, 2, 5, 5, 2}, 1.2, 0.54},       // 6 grass
    {{2, 2, 5, 5, 2}, 1.2, 0.54},       // 7 crops, mixed farming
    {{0, 0, 0, 0, 0}, 50.0, 0.54},      // 8 desert
    {{0, 0, 0, 0, 0}, 50.0, 0.54},      // 9 tundra
    {{10, 10, 10, 10, 10}, 1.3, 0.54},  // 10 shrubs and interrupted woodlands
    {{10, 10, 10, 10, 10}, 2.0, 0.54},  // 11 wetland with plants
    {{0, 0, 0, 0, 0}, 50.0, 0.54},      // 12 ice cap and glacier
    {{0, 0, 0, 0, 0}, 100.0, 0.50},     // 13 inland water
    {{0, 0, 0, 0, 0}, 100.0, 0.50},     // 14 ocean
    {{10, 10, 10, 10, 10}, 1.5, 0.56},  // 15 urban
}};

constexpr double pathway(double r) { return r >= X ? dep::kNoPathway : r; }

// Representative particle sizes (see the header): fine (accumulation mode) and coarse (PMC).
constexpr ParticleDeposition kFine{0.4e-6, 1500.0}, kCoarse{4.5e-6, 2000.0};

DepositionSpecies gas(double diffusivity_ratio, double h_star, double f0,
                      WetCanopyRule rule = WetCanopyRule::Generic) {
  DepositionSpecies s;
  s.kind = DepositionKind::Gas;
  s.gas = {h_star, f0, diffusivity_ratio, rule};
  return s;
}

DepositionSpecies particle(const ParticleDeposition& p) {
  DepositionSpecies s;
  s.kind = DepositionKind::Particle;
  s.particle = p;
  return s;
}

/// D_H2O / D_gas from the molar masses (Graham's law, as Wesely estimates gases without data).
double graham_ratio(double molar_mass_g_mol) {
  return std::sqrt(1e-3 * molar_mass_g_mol / constants::kMolarMassWater);
}

}  // namespace

WeselySurface wesely_surface(int land, int season) {
  if (land < 0 || land >= kWeselyLandTypes || season < 1 || season > kDepositionSeasons) {
    throw Error("dry deposition",
                "Wesely land type " + std::to_string(land) + ", season " + std::to_string(season) +
                    " out of range",
                "land 0..10, season 1..5");
  }
  const int s = season - 1;
  return {pathway(kRi[s][land]),   pathway(kRlu[s][land]),  pathway(kRac[s][land]),
          pathway(kRgss[s][land]), pathway(kRgso[s][land]), pathway(kRcls[s][land]),
          pathway(kRclo[s][land])};
}

ZhangSurface zhang_surface(int category, int season) {
  if (category < 0 || category >= kZhangLandTypes || season < 1 || season > kDepositionSeasons) {
    throw Error("dry deposition",
                "Zhang category " + std::to_string(category) + ", season " +
                    std::to_string(season) + " out of range",
                "category 0..14, season 1..5");
  }
  const ZhangRow& r = kZhang[category];
  return {r.a_mm[season - 1] * 1e-3, r.alpha, r.gamma};
}

DepositionSpecies deposition_properties(std::string_view name) {
  const int index = species_index(name);
  if (index < 0) {
    throw Error("dry deposition", "unknown species '" + std::string(name) + "'",
                "a name of chemistry/species.hpp");
  }
  // Wesely (1989) Table 2: D_H2O/D_x, H* [M atm-1], f0.
  if (name == "SO2") return gas(1.9, 1e5, 0, WetCanopyRule::SulfurDioxide);
  if (name == "O3") return gas(1.6, 0.01, 1, WetCanopyRule::Ozone);
  if (name == "NO2") return gas(1.6, 0.01, 0.1);
  if (name == "NO") return gas(1.3, 2e-3, 0);
  if (name == "HNO3") return gas(1.9, 1e14, 0);
  if (name == "H2O2") return gas(1.4, 1e5, 1);
  if (name == "ALD") return gas(1.6, 15, 0);  // acetaldehyde
  if (name == "HCHO") return gas(1.3, 6e3, 0);
  if (name == "PAN") return gas(2.6, 3.6, 0.1);
  if (name == "NH3") return gas(0.97, 2e4, 0);
  if (name == "HONO") return gas(1.6, 1e5, 0.1);
  // Not in Table 2. N2O5 hydrolyses on wet surfaces: taken up like HNO3 (as GEOS-Chem). Organic
  // nitrates: H* ≈ 1 M atm-1 of C3–C5 alkyl nitrates (Sander 2015, ACP 15:4399) with PAN's
  // reactivity. SOA precursor gases CG1–CG4: oxidised semi-volatile organics, H* 1e5 M atm-1, the
  // low end of the 1e5–1e10 Hodzic et al. (2014, GRL 41:4795) estimate for such vapours (so
  // deposition is limited by the cuticles and ground, as for SO2), no oxidising capacity.
  const double mass = kSpecies[index].molar_mass_g_mol;
  if (name == "N2O5") return gas(graham_ratio(mass), 1e14, 0);
  if (name == "RNO3") return gas(graham_ratio(mass), 1.0, 0.1);
  if (name == "CG1" || name == "CG2" || name == "CG3" || name == "CG4") {
    return gas(graham_ratio(mass), 1e5, 0);
  }
  if (kSpecies[index].phase == SpeciesPhase::Aerosol) {
    return particle(name == "PMC" ? kCoarse : kFine);
  }
  // Radicals (OH, HO2, RO2, ARO2, C2O3, NO3), CO and the hydrocarbons: no deposition here.
  return {};
}

int wesely_season(int month, double lat_deg) {
  if (month < 1 || month > 12) {
    throw Error("dry deposition", "month " + std::to_string(month) + " out of range", "1..12");
  }
  // CAMx chmdat.f iseason: month × latitude band (<20, 20–35, 35–50, 50–75, ≥75 degrees).
  static constexpr int kSeason[12][5] = {{1, 3, 3, 3, 3}, {1, 5, 3, 3, 3}, {1, 5, 5, 3, 3},
                                         {1, 5, 5, 5, 3}, {1, 1, 5, 5, 3}, {1, 1, 1, 1, 5},
                                         {1, 1, 1, 1, 1}, {1, 1, 1, 1, 2}, {1, 1, 2, 2, 3},
                                         {1, 2, 2, 2, 3}, {1, 2, 2, 3, 3}, {1, 2, 3, 3, 3}};
  const double lat = std::abs(lat_deg);
  const int band = lat < 20 ? 0 : lat < 35 ? 1 : lat < 50 ? 2 : lat < 75 ? 3 : 4;
  const int m = lat_deg < 0 ? (month + 5) % 12 : month - 1;  // southern hemisphere: half a year on
  return kSeason[m][band];
}

DryDeposition::DryDeposition(const std::vector<std::pair<std::string, int>>& fields) {
  std::vector<DepositionSpecies> species;
  std::vector<int> field;
  for (const auto& [name, f] : fields) {
    species.push_back(deposition_properties(name));
    field.push_back(f);
  }
  std::vector<WeselySurface> wesely;
  std::vector<ZhangSurface> zhang;
  for (int season = 1; season <= kDepositionSeasons; ++season) {
    for (int l = 0; l < kWeselyLandTypes; ++l) wesely.push_back(wesely_surface(l, season));
    for (int c = 0; c < kZhangLandTypes; ++c) zhang.push_back(zhang_surface(c, season));
  }
  species_ = device_vector("deposition_species", species);
  field_ = device_vector("deposition_field", field);
  wesely_ = device_vector("wesely_surface", wesely);
  zhang_ = device_vector("zhang_surface", zhang);
}

void DryDeposition::fill(const DeviceSurface& surface, int season, View3D<double> vdep_m_s) const {
  if (season < 1 || season > kDepositionSeasons) {
    throw Error("dry deposition", "season " + std::to_string(season) + " out of range", "1..5");
  }
  const auto species = species_;
  const auto field = field_;
  const auto wesely = wesely_;
  const auto zhang = zhang_;
  const auto ustar = surface.ustar_m_s, ra = surface.ra_s_m, t2 = surface.t2_k;
  const auto psfc = surface.psfc_pa, sw = surface.swdown_w_m2, precip = surface.precip_mm_h;
  const auto land = surface.land_use;
  const int n_species = static_cast<int>(species.extent(0));
  const int ny = static_cast<int>(vdep_m_s.extent(1)), nx = static_cast<int>(vdep_m_s.extent(2));
  Kokkos::parallel_for(
      "kctm::chem::dry_deposition", Policy2D({0, 0}, {ny, nx}), KOKKOS_LAMBDA(int j, int i) {
        const int lu = land(j, i);
        const WeselySurface w = wesely((season - 1) * kWeselyLandTypes + wesely_land_of_usgs(lu));
        const ZhangSurface z = zhang((season - 1) * kZhangLandTypes + zhang_land_of_usgs(lu));
        // Sources that leave the surface pressure or temperature unset get a standard atmosphere.
        const SurfaceState s{ustar(j, i),
                             ra(j, i),
                             t2(j, i) > 150 ? t2(j, i) : 288.15,
                             psfc(j, i) > 0 ? psfc(j, i) : 101325.0,
                             sw(j, i),
                             precip(j, i) > 0};
        for (int n = 0; n < n_species; ++n) {
          vdep_m_s(field(n), j, i) = deposition_velocity(species(n), w, z, season, s);
        }
      });
}

}  // namespace kctm::chem
