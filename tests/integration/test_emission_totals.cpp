// The gridded emissions: a whole year, hour by hour, summed over the Hengyang mask equals the
// plan's inventory for every pollutant and sector (acceptance: 0.1 %), with nothing outside the
// mask; a run emits exactly the inventory's hours, speciated into the model species with every
// pollutant's mass kept; the annual maps, scenario factors, the neighbouring cities and the plume
// rise.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <netcdf>

#include "app/emission_maps.hpp"
#include "block_cut.hpp"
#include "config/config.hpp"
#include "emissions/surrogates.hpp"
#include "inputs/emissions_setup.hpp"
#include "inputs/emitted_species.hpp"
#include "inputs/plume_layers.hpp"
#include "meteo/climatology_meteo.hpp"
#include "run/driver.hpp"
#include "state/model_species.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

/// The first hour of 2018, Beijing time.
const UnixSeconds kStart2018 = days_from_civil({2018, 1, 1}) * 86400 - 8 * 3600;

/// A run on the 9 km grid with `sets` applied, over the county outlines when ../shared has them
/// (else the core box): its configuration, domain and emission model.
struct NineKm {
  RunConfig config;
  Domain domain;
  EmissionModel model;

  explicit NineKm(const std::vector<std::string>& sets = {})
      : config(configure(sets)),
        domain(build_domain(config, 0)),
        model(build_emission_model(domain, emission_options(config))) {}
  static RunConfig configure(const std::vector<std::string>& sets) {
    Config c;
    c.set("grid.dx_km=9");
    c.set("source_apportionment.enabled=false");
    const std::string outlines =
        test::shared_data("boundary-hengyang/hengyang_430400_counties.geojson");
    c.set("grid.mask.counties_file=\"" + outlines + "\"");  // "" when absent: the core box
    for (const std::string& s : sets) c.set(s);
    return read_run_config(c);
  }
  std::size_t plane() const { return static_cast<std::size_t>(domain.sub.nx) * domain.sub.ny; }
  std::size_t nz() const { return domain.grid.nz(); }
  /// What `sector` emits from `origin` in the hours of 2018 (pollutant, k, j, i) [t].
  std::vector<double> year_2018(int sector, EmissionOrigin origin) const {
    std::vector<double> year(model.values(), 0.0);
    for (int h = 0; h < 8760; ++h) model.add_hour(sector, origin, kStart2018 + h * 3600, year);
    return year;
  }
};

TEST(EmissionTotals, AYearOfGriddedHoursEqualsTheInventory) {
  const NineKm run;
  const Domain& d = run.domain;
  std::printf("mask: %s, %zu units\n", d.mask.from_boundary_file ? "county outlines" : "core box",
              d.mask.units.size());
  const Inventory& inv = run.model.inventory();
  const std::size_t plane = run.plane(), nz = run.nz();
  double worst = 0;
  for (std::size_t s = 0; s < inv.sectors.size(); ++s) {
    const std::vector<double> year = run.year_2018(static_cast<int>(s), EmissionOrigin::Local);
    for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
      double sum = 0, outside = 0;
      for (std::size_t k = 0; k < nz; ++k) {
        for (std::size_t c = 0; c < plane; ++c) {
          const double v = year[(p * nz + k) * plane + c];
          sum += v;
          if (d.mask.unit_of_cell[c] < 0) outside += v;
        }
      }
      const double want = inv.t(static_cast<int>(p), static_cast<int>(s));
      EXPECT_NEAR(sum, want, 1e-3 * want) << inv.pollutants[p] << " " << inv.sectors[s];
      EXPECT_EQ(outside, 0.0) << inv.pollutants[p] << " " << inv.sectors[s];
      if (want > 0) worst = std::max(worst, std::abs(sum - want) / want);
    }
  }
  std::printf("largest relative difference, gridded year vs inventory: %.1e\n", worst);
}

TEST(EmissionTotals, ARunEmitsTheInventorysHoursAndClosesEveryBudget) {
  const std::string dir = test::temp_dir("emission-run");
  // Chemistry off: the species stay passive and close their own budgets.
  const NineKm run({"time.hours=3", "output.dir=" + dir, "time.start=2019-07-01T06:00:00+08:00",
                    "chemistry.enabled=false"});
  const RunConfig& rc = run.config;
  const RunResult r = run_simulation(rc);
  // What the inventory puts in those three hours (Beijing time 06–09, 1 July 2019).
  const EmissionModel& m = run.model;
  const Inventory& inv = m.inventory();
  // Hengyang's and its neighbours' (regional_factor 1 by default) tonnes of pollutant p from
  // sector s in the three hours; PM10 by its coarse part, PM10 − PM2.5, as it is speciated.
  auto three_hours_t = [&](int p, int s) {
    double t = 0;
    for (int h = 0; h < 3; ++h) {
      t += (inv.t(p, s) + m.regional_annual_t(p, s)) *
           m.profiles().hour_fraction(inv.sectors[s], rc.start + h * 3600);
    }
    return t;
  };
  const int pm25 = inv.pollutant_index("PM25");
  auto speciated_t = [&](int p, int s) {
    return three_hours_t(p, s) - (inv.pollutants[p] == "PM10" ? three_hours_t(pm25, s) : 0.0);
  };
  // The species the run fills, as the driver maps them.
  const Speciation sp = load_speciation("", inv);
  FieldRegistry registry;
  add_model_species(registry);
  const EmittedSpecies emitted = map_emitted_species(inv, sp, registry);
  // The speciated species, then the biogenic ISOP and TERP (emissions.biogenic).
  ASSERT_EQ(r.species.size(), emitted.list.size() + 2);
  for (std::size_t s = emitted.list.size(); s < r.species.size(); ++s) {
    EXPECT_GT(r.species[s].second.emitted_kg, 0.0) << r.species[s].first;
    EXPECT_LT(std::abs(r.species[s].second.relative_imbalance()), 1e-10) << r.species[s].first;
  }
  // Every species gets its sectors' shares of their pollutants' three hours [kg]; `from` is the
  // pollutant each species takes (one each in the built-in table).
  std::vector<double> want_kg(emitted.list.size(), 0.0);
  std::vector<int> from(emitted.list.size(), -1);
  for (std::size_t s = 0; s < inv.sectors.size(); ++s) {
    for (const EmittedSpecies::Term& t : emitted.by_sector[s]) {
      want_kg[t.species] += 1000 * t.factor * speciated_t(t.pollutant, static_cast<int>(s));
      ASSERT_TRUE(from[t.species] < 0 || from[t.species] == t.pollutant);
      from[t.species] = t.pollutant;
    }
  }
  std::vector<double> as_pollutant_kg(inv.pollutants.size(), 0.0);
  for (std::size_t s = 0; s < emitted.list.size(); ++s) {
    const auto& [name, b] = r.species[s];
    ASSERT_EQ(name, emitted.list[s].name);
    EXPECT_NEAR(b.emitted_kg, want_kg[s], 1e-9 * want_kg[s]) << name;
    EXPECT_LT(std::abs(b.relative_imbalance()), 1e-10) << name;
    as_pollutant_kg[from[s]] +=
        b.emitted_kg * pollutant_mass_per_species_mass(inv.pollutants[from[s]], name);
    std::printf("%-5s emitted %.4e kg in 3 h, imbalance %.1e\n", name.c_str(), b.emitted_kg,
                b.relative_imbalance());
  }
  // Per pollutant, the species (NO as NO2) and the dropped NR add up to the inventory's hours.
  for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
    double want = 0, dropped = 0;
    for (std::size_t s = 0; s < inv.sectors.size(); ++s) {
      want += 1000 * speciated_t(static_cast<int>(p), static_cast<int>(s));
      dropped += 1000 * sp.dropped[s][p] * speciated_t(static_cast<int>(p), static_cast<int>(s));
    }
    EXPECT_NEAR(as_pollutant_kg[p] + dropped, want, 1e-9 * want) << inv.pollutants[p];
    std::printf("%-5s %.4e kg in 3 h: %.4e kg as model species, %.4e kg dropped\n",
                inv.pollutants[p].c_str(), want, as_pollutant_kg[p], dropped);
  }
}

TEST(EmissionTotals, AnnualMapsHoldTheInventory) {
  const std::string path = test::temp_dir("emission-maps") + "/emissions.nc";
  const NineKm run;
  write_emission_maps(run.config, path);
  netCDF::NcFile nc(path, netCDF::NcFile::read);
  const Inventory& inv = hengyang_2018_inventory();
  for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
    const netCDF::NcVar v = nc.getVar("E_" + inv.pollutants[p]);
    ASSERT_FALSE(v.isNull()) << inv.pollutants[p];
    std::vector<double> e(v.getDim(0).getSize() * v.getDim(1).getSize() * v.getDim(2).getSize());
    v.getVar(e.data());
    double sum = 0;
    for (double x : e) sum += x;
    double want = inv.total_t(static_cast<int>(p));  // Hengyang, and its neighbours
    for (std::size_t sec = 0; sec < inv.sectors.size(); ++sec) {
      want += run.model.regional_annual_t(static_cast<int>(p), static_cast<int>(sec));
    }
    EXPECT_NEAR(sum, want, 1e-9 * want);
  }
}

TEST(EmissionTotals, ScenarioFactorsScaleBySectorPollutantAndRegion) {
  // Without the outlines there is no Leiyang, and the rule naming it is refused.
  if (test::shared_data("boundary-hengyang/hengyang_430400_counties.geojson").empty()) {
    GTEST_SKIP() << "../shared/data/boundary-hengyang is absent: no counties";
  }
  const NineKm run({"emissions.scale=mobile:NOx:*=0.5, *:SO2:leiyang=0, *:*:*=0.9"});
  const Domain& d = run.domain;
  const Inventory& inv = run.model.inventory();
  int leiyang = -1;
  for (std::size_t u = 0; u < d.mask.units.size(); ++u) {
    if (d.mask.units[u].name == "leiyang") leiyang = static_cast<int>(u);
  }
  ASSERT_GE(leiyang, 0);
  const std::size_t plane = run.plane(), nz = run.nz();
  const int nox = inv.pollutant_index("NOx"), so2 = inv.pollutant_index("SO2");
  const int mobile = inv.sector_index("mobile"), power = inv.sector_index("stationary_combustion");
  auto total = [&](const std::vector<double>& year, int p, bool leiyang_only) {
    double sum = 0;
    for (std::size_t k = 0; k < nz; ++k) {
      for (std::size_t c2 = 0; c2 < plane; ++c2) {
        if (!leiyang_only || d.mask.unit_of_cell[c2] == leiyang)
          sum += year[(p * nz + k) * plane + c2];
      }
    }
    return sum;
  };
  const std::vector<double> mob = run.year_2018(mobile, EmissionOrigin::Local),
                            pow = run.year_2018(power, EmissionOrigin::Local);
  EXPECT_NEAR(total(mob, nox, false), 0.45 * inv.t(nox, mobile), 1e-9 * inv.t(nox, mobile));
  EXPECT_EQ(total(pow, so2, true), 0.0);  // Leiyang's SO2, its power station included, is gone
  EXPECT_GT(total(pow, so2, false), 0.0);
}

TEST(EmissionTotals, NeighboursEmitAtHengyangsDensityOutsideItsOutline) {
  const NineKm run({"emissions.regional_factor=0.8"});
  const Domain& d = run.domain;
  const Inventory& inv = run.model.inventory();
  const int nox = inv.pollutant_index("NOx"), mobile = inv.sector_index("mobile");
  const std::size_t plane = run.plane(), nz = run.nz();
  const std::vector<double> year = run.year_2018(mobile, EmissionOrigin::Regional);
  double sum = 0, outside_km2 = 0, in_full_cells = 0;
  const std::vector<double> cell_area = interior_cell_areas(d);
  for (std::size_t c2 = 0; c2 < plane; ++c2) {
    const double e = year[(nox * nz + 0) * plane + c2];
    sum += e;
    outside_km2 += cell_area[c2] * (1 - d.mask.unit_fraction[c2]) / 1e6;
    if (d.mask.unit_fraction[c2] == 1.0) in_full_cells += e;
  }
  const double expected = 0.8 * inv.t(nox, mobile) / kHengyangArea_km2 * outside_km2;
  std::printf("regional mobile NOx: %.0f t/yr over %.0f km2 outside Hengyang\n", sum, outside_km2);
  EXPECT_NEAR(sum, expected, 1e-9 * expected);
  EXPECT_NEAR(run.model.regional_annual_t(nox, mobile), expected, 1e-9 * expected);
  EXPECT_EQ(in_full_cells, 0.0);
}

TEST(EmissionTotals, IndustryIsReleasedAtItsStacksHeightsTrafficAtTheGround) {
  const NineKm run;
  const Inventory& inv = run.model.inventory();
  const std::size_t plane = run.plane(), nz = run.nz();
  const int pm = inv.pollutant_index("PM25");  // no point share: all of it area emissions
  auto by_layer = [&](const char* sector, EmissionOrigin origin) {
    std::vector<double> hour(run.model.values(), 0.0);
    run.model.add_hour(inv.sector_index(sector), origin, kStart2018 + 10 * 3600, hour);
    std::vector<double> out(nz, 0.0);
    for (std::size_t k = 0; k < nz; ++k) {
      for (std::size_t c = 0; c < plane; ++c) out[k] += hour[(pm * nz + k) * plane + c];
    }
    return out;
  };
  for (EmissionOrigin origin : {EmissionOrigin::Local, EmissionOrigin::Regional}) {
    const std::vector<double> industry = by_layer("industrial_process", origin);
    double total = 0;
    for (std::size_t k = 0; k < nz; ++k) total += industry[k];
    ASSERT_GT(total, 0);
    // Bieser et al. 2011, GNFR B: 6 % below 20 m, 16 % at 20-92 m; the default levels' first
    // three layers reach 80 m.
    ASSERT_EQ(run.domain.grid.levels().interface_m(3), 80.0);
    EXPECT_NEAR(industry[0] / total, 0.06, 1e-12);
    EXPECT_NEAR((industry[0] + industry[1] + industry[2]) / total, 0.06 + 0.16 * 60 / 72, 1e-12);
    const std::vector<double> traffic = by_layer("mobile", origin);
    for (std::size_t k = 1; k < nz; ++k) EXPECT_EQ(traffic[k], 0.0);
    EXPECT_GT(traffic[0], 0.0);
  }
}

TEST(EmissionTotals, AReleaseTableNamesTheInventorysSectorsOnly) {
  const std::string file = test::temp_dir("release_heights") + "/heights.yaml";
  std::ofstream(file) << "band_tops_m: [50]\nsectors:\n  steelworks: [1]\n";
  EXPECT_EQ(
      test::error_of([&] { NineKm run({"emissions.release_heights_file=\"" + file + "\""}); }),
      file + ": sectors.steelworks: is not a sector of the inventory");
}

TEST(EmissionTotals, PlumesRiseAboveTheirStacks) {
  const NineKm run;
  const Domain& d = run.domain;
  const EmissionModel& m = run.model;
  const ClimatologyMeteo met(run.config.climatology, d.grid, d.sub);
  UnixSeconds afternoon = 0;
  ASSERT_TRUE(parse_iso8601("2019-07-20T14:30:00+08:00", afternoon));
  const std::vector<int> layers = plume_layers(m, met.at(afternoon), d.grid.levels());
  ASSERT_EQ(layers.size(), m.point_emissions().size());
  bool power_rose = false;
  for (std::size_t n = 0; n < layers.size(); ++n) {
    const EmissionModel::PointEmission& e = m.point_emissions()[n];
    EXPECT_GE(layers[n], e.k) << e.name;
    if (e.name.find("power") != std::string::npos) power_rose = layers[n] > e.k;
    std::printf("%-52s stack %3.0f m (layer %d) -> layer %d\n", e.name.c_str(), e.stack_height_m,
                e.k, layers[n]);
  }
  EXPECT_TRUE(power_rose);
}

TEST(EmissionTotals, EachBlockEmitsTheWholeGridsHoursBitForBit) {
  // Each rank fills only its own block's emissions, plumes raised in its own block's meteorology:
  // every cell gets what the whole grid's model gives it, and every point source lands in one
  // block.
  const NineKm run;
  const Domain& d = run.domain;
  const ClimatologyMeteo whole_met(run.config.climatology, d.grid, whole_domain(d.grid, 2));
  UnixSeconds t = 0;
  ASSERT_TRUE(parse_iso8601("2019-07-20T14:00:00+08:00", t));
  const std::vector<int> whole_layers =
      plume_layers(run.model, whole_met.at(t + 1800), d.grid.levels());
  std::size_t points = 0;
  for (const Subdomain& b : block_decomposition(d.grid, 2, 2, 2)) {
    SCOPED_TRACE("block at (" + std::to_string(b.i0) + ", " + std::to_string(b.j0) + ")");
    const EmissionModel mine = run.model.block(b);
    const ClimatologyMeteo met(run.config.climatology, d.grid, b);
    const std::vector<int> layers = plume_layers(mine, met.at(t + 1800), d.grid.levels());
    points += mine.point_emissions().size();
    for (std::size_t s = 0; s < run.model.inventory().sectors.size(); ++s) {
      for (const EmissionOrigin origin : {EmissionOrigin::Local, EmissionOrigin::Regional}) {
        std::vector<double> all(run.model.values(), 0.0), part(mine.values(), 0.0);
        run.model.add_hour(static_cast<int>(s), origin, t, all, &whole_layers);
        mine.add_hour(static_cast<int>(s), origin, t, part, &layers);
        test::expect_box("sector " + std::to_string(s), part, all, d.sub.ny, d.sub.nx, b.j0, b.i0,
                         b.ny, b.nx);
      }
    }
  }
  EXPECT_EQ(points, run.model.point_emissions().size());
  EXPECT_GT(points, 0U);
}

}  // namespace
}  // namespace kctm

namespace kctm {
namespace {

TEST(EmissionTotals, IndustryGathersInThePlansIndustrialParks) {
  // Half of each unit's industrial-process area emissions follow the plan's industrial parks: the
  // cells of the parks' centres take more than without the parks (at 3 km, where a park and its
  // district's seat fall in different cells), the total stays.
  const NineKm run({"grid.dx_km=3"});
  const Domain& d = run.domain;
  const EmissionModel no_parks = build_emission_model(d, emission_options(run.config), {});
  const Inventory& inv = run.model.inventory();
  const int nox = inv.pollutant_index("NOx"), process = inv.sector_index("industrial_process");
  const std::vector<double> with = run.model.annual_t(process, EmissionOrigin::Local);
  const std::vector<double> without = no_parks.annual_t(process, EmissionOrigin::Local);
  double total_with = 0, total_without = 0;
  for (std::size_t c = nox * run.plane(); c < (nox + 1) * run.plane(); ++c) {
    total_with += with[c], total_without += without[c];
  }
  EXPECT_NEAR(total_with, total_without, 1e-9 * total_without);
  double park_with = 0, park_without = 0;
  for (const IndustrialPark& k : hengyang_industrial_parks()) {
    int gi = 0, gj = 0;
    ASSERT_TRUE(d.grid.locate({k.lon_deg, k.lat_deg}, gi, gj));
    const std::size_t c =
        nox * run.plane() + static_cast<std::size_t>(gj - d.sub.j0) * d.sub.nx + (gi - d.sub.i0);
    std::printf("%-48s cell: %6.0f t/yr of industrial NOx (%6.0f without the parks)\n",
                k.name.c_str(), with[c], without[c]);
    park_with += with[c], park_without += without[c];
  }
  // The High-tech zone sits by the city's seat, which draws industry there anyway.
  EXPECT_GT(park_with, 1.3 * park_without);
}

}  // namespace
}  // namespace kctm
