// Dry deposition velocities: the typical values of the literature (REFERENCES.md "Deposition":
// EMEP, Hough 1991), positivity, monotonicity in u*, day against night, and the device kernel
// against the pointwise functions.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "chemistry/species.hpp"
#include "deposition/dry_deposition.hpp"
#include "kernels/boundary_layer.hpp"
#include "kernels/host_copy.hpp"

namespace kctm::chem {

namespace {

// Conditions of the comparison: a 10 m reference height (the lowest layer's middle), roughness
// 0.1 m over cropland and 1e-4 m over water; summer day: u* 0.45 m s-1, L = −50 m, 700 W m-2,
// 25 °C; night: u* 0.15 m s-1, L = +20 m, dark, 17 °C.
constexpr double kZ = 10.0;

SurfaceState day_over(double z0) {
  return {0.45, bl::aerodynamic_resistance(kZ, z0, 0.45, -50.0), 298.15, 1.0e5, 700.0, false};
}
SurfaceState night_over(double z0) {
  return {0.15, bl::aerodynamic_resistance(kZ, z0, 0.15, 20.0), 290.15, 1.0e5, 0.0, false};
}

double vd(const std::string& species, int usgs, int season, const SurfaceState& s) {
  return deposition_velocity(deposition_properties(species),
                             wesely_surface(wesely_land_of_usgs(usgs), season),
                             zhang_surface(zhang_land_of_usgs(usgs), season), season, s);
}

}  // namespace

TEST(DryDeposition, TypicalValuesOfTheLiterature) {
  // Within a factor of 3 of the typical values: the literature's own spread across sites and
  // hours (e.g. HNO3 1–5 cm s-1 over land, Hough 1991 and EMEP) is of that order, and the
  // comparison conditions above are one choice among many.
  struct Row {
    const char* species;
    const char* surface;
    int usgs;
    bool day;
    double literature_cm_s;
  };
  const Row rows[] = {
      {"HNO3", "land", 2, true, 4.0}, {"HNO3", "water", 16, true, 1.0},
      {"SO2", "land", 2, true, 1.0},  {"SO2", "land", 2, false, 0.3},
      {"NH3", "land", 2, true, 1.0},  {"NH3", "land", 2, false, 0.3},
      {"NO2", "land", 2, true, 0.5},  {"NO2", "land", 2, false, 0.06},
      {"SULF", "land", 2, true, 0.1}, {"POA", "land", 2, true, 0.1},
  };
  std::printf("  %-5s %-6s %-6s %10s %10s %7s\n", "gas", "over", "hour", "kctm", "typical",
              "ratio");
  for (const Row& r : rows) {
    const double z0 = r.usgs == 16 ? 1e-4 : 0.1;
    const SurfaceState s = r.day ? day_over(z0) : night_over(z0);
    const double v_cm_s = 100 * vd(r.species, r.usgs, 1, s);
    const double ratio = v_cm_s / r.literature_cm_s;
    std::printf("  %-5s %-6s %-6s %7.3f cm/s %7.3f cm/s %7.2f\n", r.species, r.surface,
                r.day ? "day" : "night", v_cm_s, r.literature_cm_s, ratio);
    EXPECT_GT(ratio, 1.0 / 3) << r.species << " over " << r.surface;
    EXPECT_LT(ratio, 3.0) << r.species << " over " << r.surface;
  }
  // O3 over cropland by day: 0.4–1 cm s-1 in the same compilations; not in REFERENCES.md, printed.
  std::printf("  O3    land   day    %7.3f cm/s\n", 100 * vd("O3", 2, 1, day_over(0.1)));
  std::printf("  PMC   land   day    %7.3f cm/s\n", 100 * vd("PMC", 2, 1, day_over(0.1)));
}

TEST(DryDeposition, PositiveFiniteAndZeroWithoutPathway) {
  const double temperatures_c[] = {-15, -2, 0.5, 12, 25, 39.5, 45};
  for (const auto& entry : kSpecies) {
    const DepositionSpecies sp = deposition_properties(entry.name);
    for (int usgs = 1; usgs <= 24; ++usgs) {
      for (int season = 1; season <= 5; ++season) {
        for (double t_c : temperatures_c) {
          for (bool wet : {false, true}) {
            for (double sw : {0.0, 300.0, 900.0}) {
              const SurfaceState s{0.3, 40.0, 273.15 + t_c, 9.5e4, sw, wet};
              const double v =
                  deposition_velocity(sp, wesely_surface(wesely_land_of_usgs(usgs), season),
                                      zhang_surface(zhang_land_of_usgs(usgs), season), season, s);
              ASSERT_TRUE(std::isfinite(v)) << entry.name << " usgs " << usgs;
              if (sp.kind == DepositionKind::None) {
                ASSERT_EQ(v, 0.0) << entry.name;
              } else {
                ASSERT_GT(v, 0.0) << entry.name << " usgs " << usgs << " season " << season;
                // Never faster than the turbulence (plus settling) allows.
                const double v_g = sp.kind == DepositionKind::Particle
                                       ? settling_velocity(sp.particle, s.t2_k, 9.5e4)
                                       : 0.0;
                ASSERT_LE(v, 1.0 / s.ra_s_m + v_g) << entry.name;
              }
            }
          }
        }
      }
    }
  }
  for (const char* none : {"OH", "HO2", "RO2", "NO3", "ALK", "ISOP", "CO"}) {
    EXPECT_EQ(deposition_properties(none).kind, DepositionKind::None) << none;
  }
  EXPECT_THROW(deposition_properties("XYZ"), Error);
}

TEST(DryDeposition, GrowsWithFrictionVelocity) {
  // With r_a held (only r_b and R_s feel u*) and with r_a of a neutral log profile. Coarse
  // particles over smooth surfaces are the exception Zhang et al. (2001) build in: their rebound
  // factor R1 = exp(−√St) falls faster than impaction rises, so they are left out there.
  for (const auto& entry : kSpecies) {
    const DepositionSpecies sp = deposition_properties(entry.name);
    if (sp.kind == DepositionKind::None) continue;
    for (int usgs = 1; usgs <= 24; ++usgs) {
      const ZhangSurface z = zhang_surface(zhang_land_of_usgs(usgs), 1);
      if (entry.name == "PMC" && z.a_m <= 0) continue;
      for (bool hold_ra : {true, false}) {
        double previous = 0;
        for (double ustar = 0.05; ustar <= 1.5; ustar += 0.05) {
          const double ra = hold_ra ? 30.0 : std::log(kZ / 0.1) / (constants::kKarman * ustar);
          const SurfaceState s{ustar, ra, 295.0, 1.0e5, 500.0, false};
          const double v = vd(std::string(entry.name), usgs, 1, s);
          EXPECT_GE(v, previous) << entry.name << " usgs " << usgs << " u* " << ustar;
          previous = v;
        }
      }
    }
  }
}

TEST(DryDeposition, StomatalGasesSlowerAtNight) {
  // Same turbulence, only the light differs: the stomata close (Wesely eq. 3).
  for (const char* gas : {"SO2", "O3", "NO2", "NO", "NH3", "H2O2", "HCHO", "PAN", "CG1"}) {
    for (int usgs : {2, 5, 7, 11, 13, 14, 15, 17}) {
      SurfaceState day{0.3, 40.0, 295.0, 1.0e5, 600.0, false}, night = day;
      night.swdown_w_m2 = 0;
      EXPECT_LT(vd(gas, usgs, 1, night), vd(gas, usgs, 1, day)) << gas << " usgs " << usgs;
    }
  }
  // HNO3 meets the 10 s m-1 floor of r_c day and night: unchanged.
  SurfaceState day{0.3, 40.0, 295.0, 1.0e5, 600.0, false}, night = day;
  night.swdown_w_m2 = 0;
  EXPECT_DOUBLE_EQ(vd("HNO3", 2, 1, night), vd("HNO3", 2, 1, day));
}

TEST(DryDeposition, SeasonsByMonthAndLatitude) {
  EXPECT_EQ(wesely_season(7, 26.9), 1);   // Hengyang in July: midsummer
  EXPECT_EQ(wesely_season(1, 26.9), 3);   // January: winter without snow
  EXPECT_EQ(wesely_season(3, 26.9), 5);   // March: spring
  EXPECT_EQ(wesely_season(10, 26.9), 2);  // October: autumn
  EXPECT_EQ(wesely_season(1, -26.9), 1);  // southern summer
  EXPECT_EQ(wesely_season(7, 10.0), 1);   // tropics
}

TEST(DryDeposition, KernelMatchesPointwise) {
  const int ny = 3, nx = 8, nf = 6;
  const std::vector<std::pair<std::string, int>> fields = {
      {"SO2", 0}, {"HNO3", 1}, {"O3", 2}, {"SULF", 4}, {"PMC", 5}};  // field 3 not listed
  DeviceSurface surface;
  std::vector<double> ustar, ra, t2, psfc, sw, precip;
  std::vector<int> land;
  for (int c = 0; c < ny * nx; ++c) {
    ustar.push_back(0.1 + 0.05 * c);
    ra.push_back(20.0 + 3 * c);
    t2.push_back(270.0 + c);
    psfc.push_back(9.8e4);
    sw.push_back(c % 3 == 0 ? 0.0 : 40.0 * c);
    precip.push_back(c % 4 == 0 ? 1.5 : 0.0);
    land.push_back(1 + c % 24);
  }
  surface.ustar_m_s = device_copy<View2D<double>>("ustar", ustar, ny, nx);
  surface.ra_s_m = device_copy<View2D<double>>("ra", ra, ny, nx);
  surface.t2_k = device_copy<View2D<double>>("t2", t2, ny, nx);
  surface.psfc_pa = device_copy<View2D<double>>("psfc", psfc, ny, nx);
  surface.swdown_w_m2 = device_copy<View2D<double>>("sw", sw, ny, nx);
  surface.precip_mm_h = device_copy<View2D<double>>("precip", precip, ny, nx);
  surface.land_use = device_copy<View2D<int>>("land", land, ny, nx);
  View3D<double> vdep("vdep", nf, ny, nx);
  Kokkos::deep_copy(vdep, -1.0);
  const int season = 5;
  DryDeposition(fields).fill(surface, season, vdep);
  const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), vdep);
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i) {
      const int c = j * nx + i;
      const SurfaceState s{ustar[c], ra[c], t2[c], psfc[c], sw[c], precip[c] > 0};
      for (const auto& [name, f] : fields) {
        // Same expression on host and device; the tolerance allows for FMA contraction.
        EXPECT_NEAR(host(f, j, i), vd(name, land[c], season, s), 1e-14) << name << " " << c;
      }
      EXPECT_EQ(host(3, j, i), -1.0) << "unlisted field untouched";
    }
  }
}

}  // namespace kctm::chem
