// Speciation of the inventory into the chemistry's model species: every built-in split names
// model species and adds up to 1; speciating keeps each pollutant's mass (NO counted as NO2, the
// dropped NR included) to round-off, sector by sector and for the unsectored profile; bad tables
// are refused by key.
#include <gtest/gtest.h>

#include <Kokkos_Core.hpp>
#include <cmath>

#include "chemistry/species.hpp"
#include "emissions/inventory.hpp"
#include "emissions/speciation.hpp"
#include "inputs/emitted_species.hpp"
#include "state/model_species.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

/// Relative tolerance of the mass checks: sums of a few dozen products, round-off only.
constexpr double kMassTolerance = 1e-12;

TEST(Speciation, EverySplitAddsUpToOneAndNamesModelSpecies) {
  const Inventory& inv = hengyang_2018_inventory();
  const Speciation sp = load_speciation("", inv);
  ASSERT_EQ(sp.by_sector.size(), inv.sectors.size());
  for (std::size_t s = 0; s < inv.sectors.size(); ++s) {
    for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
      const std::string& pollutant = inv.pollutants[p];
      double as_pollutant = sp.dropped[s][p];
      int n = 0;
      for (const SpeciesSplit& x : sp.by_sector[s]) {
        if (x.pollutant != static_cast<int>(p)) continue;
        EXPECT_GE(chem::species_index(x.species), 0) << x.species;
        EXPECT_GE(x.factor, 0.0);
        EXPECT_LE(x.factor, 1.0);
        as_pollutant += x.factor * pollutant_mass_per_species_mass(pollutant, x.species);
        ++n;
      }
      if (inv.t(static_cast<int>(p), static_cast<int>(s)) > 0) {
        ASSERT_GT(n, 0) << inv.sectors[s] << " " << pollutant;
        EXPECT_NEAR(as_pollutant, 1.0, kMassTolerance) << inv.sectors[s] << " " << pollutant;
      }
    }
  }
  // NOx (as NO2) of mobile sources: 20 % of the moles NO2, 0.8 % HONO, the rest NO, each at its
  // own molar mass.
  const int mobile = inv.sector_index("mobile");
  int nox_species = 0;
  for (const SpeciesSplit& x : sp.by_sector[mobile]) {
    if (x.species == "NO2") EXPECT_DOUBLE_EQ(x.factor, 0.20);
    if (x.species == "HONO") EXPECT_DOUBLE_EQ(x.factor, 0.008 * 47.01 / 46.01);
    if (x.species == "NO") EXPECT_DOUBLE_EQ(x.factor, (1 - 0.20 - 0.008) * 30.01 / 46.01);
    nox_species += x.species == "NO2" || x.species == "HONO" || x.species == "NO";
  }
  EXPECT_EQ(nox_species, 3);
  // IVOC beside the primary organic aerosol, 1.5 kg per kg, not part of the PM2.5 mass.
  double poa = 0, ivoc = 0;
  for (const SpeciesSplit& x : sp.by_sector[mobile]) {
    if (x.species == "POA") poa = x.factor;
    if (x.species == "IVOC") ivoc = x.factor;
  }
  EXPECT_GT(poa, 0.0);
  EXPECT_DOUBLE_EQ(ivoc, 1.5 * poa);
  EXPECT_EQ(pollutant_mass_per_species_mass("PM25", "IVOC"), 0.0);
  // VOC drops its unreactive rest only.
  const int voc = inv.pollutant_index("VOC");
  for (std::size_t s = 0; s < inv.sectors.size(); ++s) {
    for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
      if (static_cast<int>(p) != voc) EXPECT_EQ(sp.dropped[s][p], 0.0);
    }
  }
  EXPECT_GT(sp.dropped[mobile][voc], 0.0);
}

/// Hourly tonnes (pollutant, k, j, i) with PM10 ≥ PM2.5 in every cell.
std::vector<double> some_tonnes(const Inventory& inv, std::size_t cells) {
  std::vector<double> t(inv.pollutants.size() * cells);
  for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
    for (std::size_t c = 0; c < cells; ++c) {
      t[p * cells + c] = 1e-3 * (1 + (7 * c + 3 * p) % 11) * (1 + p);
    }
  }
  const std::size_t pm25 = inv.pollutant_index("PM25"), pm10 = inv.pollutant_index("PM10");
  for (std::size_t c = 0; c < cells; ++c) t[pm10 * cells + c] += t[pm25 * cells + c];
  return t;
}

TEST(Speciation, SpeciatingKeepsEveryPollutantsMass) {
  const Inventory& inv = hengyang_2018_inventory();
  const Speciation sp = load_speciation("", inv);
  FieldRegistry registry;
  add_model_species(registry);
  const EmittedSpecies emitted = map_emitted_species(inv, sp, registry);
  const std::size_t nz = 3, ny = 4, nx = 5, cells = nz * ny * nx;
  Kokkos::View<double****, Kokkos::LayoutRight, Kokkos::HostSpace> emis("emis", registry.n_fields(),
                                                                        nz, ny, nx);
  const std::vector<double> tonnes = some_tonnes(inv, cells);
  const int pm25 = inv.pollutant_index("PM25");
  // The pollutant mass in `tonnes` [kg per hour]; PM10 by its coarse part.
  auto pollutant_kg = [&](int p) {
    double sum = 0;
    for (std::size_t c = 0; c < cells; ++c) {
      sum += tonnes[p * cells + c] - (inv.pollutants[p] == "PM10" ? tonnes[pm25 * cells + c] : 0);
    }
    return 1000 * sum;
  };
  // Each species takes one pollutant in the built-in table, so its mass is that pollutant's.
  auto check = [&](const std::vector<EmittedSpecies::Term>& terms,
                   const std::vector<double>& dropped, const std::string& what) {
    clear_species(emitted, emis);
    add_speciated(emitted, terms, tonnes, ColumnRoute{}, emis);
    const std::vector<double> kg = species_kg_per_hour(emitted, emis);
    std::vector<int> from(emitted.list.size(), -1);
    for (const EmittedSpecies::Term& t : terms) {
      EXPECT_TRUE(from[t.species] < 0 || from[t.species] == t.pollutant);
      from[t.species] = t.pollutant;
    }
    double worst = 0;
    for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
      double as_pollutant = dropped[p] * pollutant_kg(static_cast<int>(p)), n = 0;
      for (std::size_t s = 0; s < emitted.list.size(); ++s) {
        if (from[s] != static_cast<int>(p)) continue;
        as_pollutant +=
            kg[s] * pollutant_mass_per_species_mass(inv.pollutants[p], emitted.list[s].name);
        ++n;
      }
      if (n == 0) continue;  // the sector does not emit it
      const double want = pollutant_kg(static_cast<int>(p));
      EXPECT_NEAR(as_pollutant, want, kMassTolerance * want) << what << " " << inv.pollutants[p];
      worst = std::max(worst, std::abs(as_pollutant - want) / want);
    }
    return worst;
  };
  double worst = 0;
  for (std::size_t s = 0; s < inv.sectors.size(); ++s) {
    worst = std::max(worst, check(emitted.by_sector[s], sp.dropped[s], inv.sectors[s]));
  }
  worst = std::max(worst, check(emitted.unsectored, emitted.dropped_share, "unsectored"));
  std::printf("speciated mass vs pollutant mass, largest relative difference: %.1e\n", worst);
  // The unsectored profile's dropped share is the inventory-weighted mean of the sectors'.
  const int voc = inv.pollutant_index("VOC");
  double nr = 0;
  for (std::size_t s = 0; s < inv.sectors.size(); ++s) {
    nr += sp.dropped[s][voc] * inv.t(voc, static_cast<int>(s)) / inv.total_t(voc);
  }
  EXPECT_NEAR(emitted.dropped_share[voc], nr, 1e-15);
  std::printf("VOC dropped as unreactive (NR), inventory-weighted: %.1f %%\n", 100 * nr);
}

TEST(Speciation, BadTablesAreRefusedByKey) {
  const Inventory& inv = hengyang_2018_inventory();
  // A small valid table with one piece changed.
  auto error = [&](const std::string& from, const std::string& to) {
    std::string table =
        "source: test\nall_sectors:\n  SO2: {SO2: 1.0}\n  NH3: {NH3: 1.0}\n"
        "  CO: {CO: 1.0}\n  PM10: {PMC: 1.0}\n"
        "sectors:\n"
        "  fugitive_dust:\n    PM25: {PEC: 0.1, POTH: 0.9}\n"
        "  industrial_process:\n    NOx: {NO2_molar_fraction: 0.1}\n"
        "    VOC: {ALK: 0.5, NR: 0.5}\n    PM25: {POTH: 1.0}\n"
        "  mobile:\n    NOx: {NO2_molar_fraction: 0.2}\n"
        "    VOC: {ALK: 0.5, NR: 0.5}\n    PM25: {PEC: 0.5, POA: 0.5}\n"
        "  agriculture:\n    PM25: {POTH: 1.0}\n"
        "  residential_commercial:\n    NOx: {NO2_molar_fraction: 0.1}\n"
        "    VOC: {OLE: 0.5, NR: 0.5}\n    PM25: {POA: 1.0}\n"
        "  stationary_combustion:\n    NOx: {NO2_molar_fraction: 0.05}\n"
        "    VOC: {ALK: 1.0}\n    PM25: {SULF: 0.5, POTH: 0.5}\n"
        "  biomass_burning:\n    NOx: {NO2_molar_fraction: 0.1}\n"
        "    VOC: {OLE: 0.5, NR: 0.5}\n    PM25: {POA: 1.0}\n"
        "  solvent_use:\n    VOC: {ARO: 0.6, NR: 0.4}\n";
    if (!from.empty()) {
      const std::size_t at = table.find(from);
      EXPECT_NE(at, std::string::npos) << from;
      table.replace(at, from.size(), to);
    }
    return test::error_of([&] { parse_speciation(table, "s.yaml", inv); });
  };
  EXPECT_EQ(error("", ""), "no error");
  EXPECT_NE(error("PEC: 0.5, POA: 0.5", "PEC: 0.5, POA: 0.4")
                .find("s.yaml: sectors.mobile.PM25: the fractions add up to 0.9 (they must add up "
                      "to 1 within 1e-06)"),
            std::string::npos);
  EXPECT_NE(error("ARO: 0.6, NR: 0.4", "ARO: 0.6, NR: 0.41").find("sectors.solvent_use.VOC"),
            std::string::npos);
  EXPECT_NE(error("{ALK: 1.0}", "{ALKS: 1.0}")
                .find("s.yaml: sectors.stationary_combustion.VOC.ALKS: unknown model species "
                      "'ALKS' (did you mean 'ALK'?)"),
            std::string::npos);
  EXPECT_NE(error("PEC: 0.1, POTH: 0.9", "PEC: -0.1, POTH: 1.1")
                .find("sectors.fugitive_dust.PM25.PEC: fraction -0.1 is outside [0, 1]"),
            std::string::npos);
  EXPECT_NE(error("  solvent_use:", "  solvents:").find("s.yaml: sectors.solvents: unknown sector"),
            std::string::npos);
  EXPECT_NE(error("    VOC: {ALK: 1.0}\n", "")
                .find("s.yaml: sectors.stationary_combustion: no split for VOC"),
            std::string::npos);
  EXPECT_NE(error("{NO2_molar_fraction: 0.2}", "{NO2: 0.2, NO: 0.8}")
                .find("sectors.mobile.NOx: NOx takes the key NO2_molar_fraction and optionally "
                      "HONO_molar_fraction"),
            std::string::npos);
  EXPECT_NE(
      error("{NO2_molar_fraction: 0.2}", "{NO2_molar_fraction: 0.6, HONO_molar_fraction: 0.5}")
          .find("sectors.mobile.NOx: the NO2 and HONO shares add up to 1.1"),
      std::string::npos);
  EXPECT_NE(error("source: test\n", "source: test\nivoc_per_poa: 9\n")
                .find("s.yaml: ivoc_per_poa: ratio 9 is outside [0, 6]"),
            std::string::npos);
  EXPECT_NE(error("PEC: 0.5, POA: 0.5", "PEC: 0.5, IVOC: 0.5")
                .find("sectors.mobile.PM25.IVOC: IVOC is a gas emitted beside"),
            std::string::npos);
  EXPECT_NE(error("{OLE: 0.5, NR: 0.5}", "{ISOP: 0.5, NR: 0.5}")
                .find("sectors.residential_commercial.VOC.ISOP: ISOP is emitted by vegetation"),
            std::string::npos);
  EXPECT_NE(error("  CO: {CO: 1.0}", "  COX: {CO: 1.0}").find("s.yaml: all_sectors.COX: unknown"),
            std::string::npos);
  EXPECT_NE(test::error_of([&] {
              load_speciation("/nonexistent/s.yaml", inv);
            }).find("/nonexistent/s.yaml: speciation file not found"),
            std::string::npos);
}

}  // namespace
}  // namespace kctm
