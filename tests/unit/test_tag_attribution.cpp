// The chemistry's attribution rules on one cell: a product's gain in its precursors' shares, a
// loss from every source alike, O3 to the NOx or VOC tags by Sillman's indicator, ammonium back
// to NH3 in its own sources' shares, and the tags of every species summing to its bulk.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "apportionment/setup.hpp"
#include "chemistry/species.hpp"
#include "chemistry/tag_families.hpp"
#include "kernels/host_copy.hpp"
#include "state/model_species.hpp"

namespace kctm {
namespace {

class OneCell {
 public:
  static FieldRegistry registered() {
    FieldRegistry r;
    add_model_species(r);
    SourceSet sources;
    sources.names = {"a", "b", "other"};
    register_tags(sources, r);
    return r;
  }
  OneCell() {
    q = View4D<double>("q", registry.n_fields(), 1, 1, 1);
    host = Kokkos::create_mirror_view(q);
    met = chem::ChemistryMeteo::allocate(1, 1, 1);
    Kokkos::deep_copy(met.t_k, 298.0);
    Kokkos::deep_copy(met.air_molec_cm3, 2.46e19);
    Kokkos::deep_copy(met.h2o_molec_cm3, 4e17);
  }
  /// Sets a tag and adds it to its bulk.
  void tag(const std::string& kind, const std::string& source, double v) {
    const int f = registry.tagged(kind, source);
    host(f, 0, 0, 0) = v;
    host(registry.bulk_field(f), 0, 0, 0) += v;
  }
  /// Sets a bulk value after "the chemistry" (the bulk before it held first).
  void bulk(const std::string& species, double v) {
    if (!held) {
      Kokkos::deep_copy(q, host);
      attribution.hold_bulk(q, 0);
      held = true;
    }
    host(registry.species(species), 0, 0, 0) = v;
  }
  double get(const std::string& kind, const std::string& source) const {
    return host(registry.tagged(kind, source), 0, 0, 0);
  }
  /// Runs the attribution on the host values; returns the closure after it.
  double attribute() {
    Kokkos::deep_copy(q, host);
    attribution.attribute(met, q, 0);
    Kokkos::deep_copy(host, q);
    return attribution.closure_drift(q, 0);
  }

  FieldRegistry registry = registered();
  chem::TagAttribution attribution{tag_layout(registry, 2)};
  bool held = false;
  View4D<double> q;
  View4D<double>::HostMirror host;
  chem::ChemistryMeteo met;
};

double molar(const char* s) { return chem::kSpecies[chem::species_index(s)].molar_mass_g_mol; }

TEST(TagAttribution, SulfateFormsInTheSharesOfTheSo2ItCameFrom) {
  OneCell c;
  c.tag("SO2", "a", 3e-9);
  c.tag("SO2", "b", 1e-9);
  c.tag("SULF", "b", 1e-9);
  // The chemistry oxidised half the SO2.
  c.bulk("SO2", 2e-9);
  const double formed = 2e-9 / molar("SO2") * molar("SULF");
  c.bulk("SULF", 1e-9 + formed);
  EXPECT_LT(c.attribute(), 1e-14);
  EXPECT_NEAR(c.get("SO2", "a"), 1.5e-9, 1e-23);
  EXPECT_NEAR(c.get("SO2", "b"), 0.5e-9, 1e-23);
  EXPECT_NEAR(c.get("SULF", "a"), 0.75 * formed, 1e-23);
  EXPECT_NEAR(c.get("SULF", "b"), 1e-9 + 0.25 * formed, 1e-23);
  EXPECT_EQ(c.get("SULF", "other"), 0.0);  // no spurious tag
}

TEST(TagAttribution, EvaporatingAmmoniumReturnsToItsSources) {
  OneCell c;
  c.tag("NH4", "a", 1e-9);
  c.tag("NH4", "b", 3e-9);
  c.bulk("NH4", 2e-9);
  c.bulk("NH3", 2e-9 / molar("NH4") * molar("NH3"));
  EXPECT_LT(c.attribute(), 1e-14);
  EXPECT_NEAR(c.get("NH4", "a") / c.get("NH4", "b"), 1.0 / 3.0, 1e-14);
  EXPECT_NEAR(c.get("NH3", "a") / c.get("NH3", "b"), 1.0 / 3.0, 1e-14);
}

TEST(TagAttribution, OzoneGoesToNoxTagsWhenNoxLimitedAndVocTagsWhenVocLimited) {
  for (const bool nox_limited : {true, false}) {
    OneCell c;
    c.tag("O3B", "b", 80e-9);  // brought in: keeps what it had, since none was lost
    c.tag("NO2", "a", 1e-9);
    c.tag("NO2", "b", 3e-9);
    c.tag("ALK", "a", 5e-9);
    c.tag("OLE", "b", 1e-9);
    // P(H2O2)/P(HNO3) = k1 [HO2]² / (k2 [OH][NO2]): lots of HO2 for NOx-limited, little for VOC.
    c.bulk("OH", 1e-13);
    c.bulk("HO2", nox_limited ? 1e-10 : 1e-14);
    c.bulk("O3", 90e-9);  // 10e-9 formed
    EXPECT_LT(c.attribute(), 1e-14);
    if (nox_limited) {
      EXPECT_NEAR(c.get("O3N", "a"), 2.5e-9, 1e-22);
      EXPECT_NEAR(c.get("O3N", "b"), 7.5e-9, 1e-22);
      EXPECT_EQ(c.get("O3V", "a") + c.get("O3V", "b"), 0.0);
    } else {
      // OH reactivity shares: kOH/M per kg, from the mechanism (tag_families.cpp).
      double w_alk = 0, w_ole = 0;
      for (const chem::TagMember& m : chem::ozone_voc_reactivity()) {
        if (m.kind == "ALK") w_alk = m.weight * 5e-9;
        if (m.kind == "OLE") w_ole = m.weight * 1e-9;
      }
      EXPECT_NEAR(c.get("O3V", "a"), 10e-9 * w_alk / (w_alk + w_ole), 1e-22);
      EXPECT_NEAR(c.get("O3V", "b"), 10e-9 * w_ole / (w_alk + w_ole), 1e-22);
      EXPECT_EQ(c.get("O3N", "a") + c.get("O3N", "b"), 0.0);
    }
    EXPECT_NEAR(c.get("O3B", "b"), 80e-9, 1e-22);
    EXPECT_EQ(c.get("O3B", "a"), 0.0) << "what forms is never filed as brought in";
  }
}

TEST(TagAttribution, OzoneLostLeavesEverySourceAlike) {
  OneCell c;
  c.tag("O3N", "a", 30e-9);
  c.tag("O3V", "b", 10e-9);
  c.tag("O3B", "b", 40e-9);
  c.bulk("O3", 40e-9);  // titrated by NO at night
  EXPECT_LT(c.attribute(), 1e-14);
  EXPECT_NEAR(c.get("O3N", "a"), 15e-9, 1e-22);
  EXPECT_NEAR(c.get("O3V", "b"), 5e-9, 1e-22);
  EXPECT_NEAR(c.get("O3B", "b"), 20e-9, 1e-22);
}

TEST(TagAttribution, RenormalisingRescalesTagsToTheBulkAndCountsIt) {
  OneCell c;
  c.tag("PRIMARY", "a", 1e-9);
  c.tag("PRIMARY", "b", 1e-9);
  c.bulk("PEC", 3e-9);  // transport's limiter left the tags short of the bulk
  Kokkos::deep_copy(c.q, c.host);
  const chem::TagStats s = c.attribution.renormalise(c.q, 0);
  Kokkos::deep_copy(c.host, c.q);
  EXPECT_EQ(s.rescaled_cells, 1);
  EXPECT_NEAR(s.max_drift, 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(c.get("PRIMARY", "a"), 1.5e-9, 1e-24);
  EXPECT_LT(c.attribution.closure_drift(c.q, 0), 1e-15);
}

TEST(TagAttribution, AttributionFirstRescalesTheTagsToTheBulkTransportLeft) {
  OneCell c;
  c.tag("PRIMARY", "a", 1e-9);
  c.tag("PRIMARY", "b", 1e-9);
  c.host(c.registry.species("PEC"), 0, 0, 0) = 3e-9;  // more than the tags hold
  c.bulk("SO2", 0.0);                                 // holds that bulk; nothing tagged reacts
  EXPECT_LT(c.attribute(), 1e-15);
  EXPECT_NEAR(c.get("PRIMARY", "a"), 1.5e-9, 1e-24);
}

/// One cell's case: its tags (kind, source, value) before the chemistry, and bulk values set after
/// it (the bulk before it is the tags' sum).
struct CellCase {
  std::vector<std::tuple<std::string, std::string, double>> tags;
  std::vector<std::pair<std::string, double>> after;
};

/// The cases side by side in a row of cells (1 × 1 × n), attributed (or only renormalised): every
/// field of every cell afterwards.
std::vector<std::vector<double>> attributed_row(const std::vector<CellCase>& cases,
                                                bool chemistry) {
  const FieldRegistry registry = OneCell::registered();
  const int n = static_cast<int>(cases.size());
  View4D<double> q("q", registry.n_fields(), 1, 1, n);
  auto host = Kokkos::create_mirror_view(q);
  for (int i = 0; i < n; ++i) {
    for (const auto& [kind, source, v] : cases[i].tags) {
      const int f = registry.tagged(kind, source);
      host(f, 0, 0, i) = v;
      host(registry.bulk_field(f), 0, 0, i) += v;
    }
  }
  chem::TagAttribution attribution{tag_layout(registry, 2)};
  Kokkos::deep_copy(q, host);
  attribution.hold_bulk(q, 0);
  for (int i = 0; i < n; ++i) {
    for (const auto& [species, v] : cases[i].after) host(registry.species(species), 0, 0, i) = v;
  }
  Kokkos::deep_copy(q, host);
  if (chemistry) {
    chem::ChemistryMeteo met = chem::ChemistryMeteo::allocate(1, 1, n);
    Kokkos::deep_copy(met.t_k, 298.0);
    Kokkos::deep_copy(met.air_molec_cm3, 2.46e19);
    Kokkos::deep_copy(met.h2o_molec_cm3, 4e17);
    attribution.attribute(met, q, 0);
  } else {
    attribution.renormalise(q, 0);
  }
  Kokkos::deep_copy(host, q);
  std::vector<std::vector<double>> cells(n, std::vector<double>(registry.n_fields()));
  for (int i = 0; i < n; ++i) {
    for (int f = 0; f < registry.n_fields(); ++f) cells[i][f] = host(f, 0, 0, i);
  }
  return cells;
}

TEST(TagAttribution, CellsTakenSideBySideEndAsEachAlone) {
  // Every path of the rules, one per cell: a row of 11 is a full block of lanes and part of one.
  const std::vector<CellCase> cases = {
      {{{"SO2", "a", 3e-9}, {"SO2", "b", 1e-9}}, {{"SO2", 2e-9}, {"SULF", 1e-9}}},
      {{{"NH4", "a", 1e-9}, {"NH4", "b", 3e-9}}, {{"NH4", 2e-9}, {"NH3", 1e-9}}},
      {{{"O3B", "b", 80e-9}, {"NO2", "a", 1e-9}, {"ALK", "b", 5e-9}},
       {{"OH", 1e-13}, {"HO2", 1e-10}, {"O3", 90e-9}}},  // NOx-limited
      {{{"O3B", "b", 80e-9}, {"NO2", "a", 1e-9}, {"ALK", "b", 5e-9}},
       {{"OH", 1e-13}, {"HO2", 1e-14}, {"O3", 90e-9}}},               // VOC-limited
      {{{"O3N", "a", 30e-9}, {"O3B", "b", 40e-9}}, {{"O3", 40e-9}}},  // lost
      {{{"O3B", "a", 30e-9}}, {{"O3", 40e-9}}},                       // formed, no precursors
      {{}, {{"O3", 40e-9}}},                                          // formed from nothing
      {{{"NO2", "a", 4e-9}, {"NO", "b", 2e-9}, {"HNO3", "b", 1e-9}},
       {{"NO2", 2e-9}, {"HNO3", 2e-9}, {"NIT", 1e-9}}},  // nitrate formed
      {{{"NIT", "a", 4e-9}, {"HNO3", "b", 1e-9}, {"NO2", "b", 1e-9}},
       {{"NIT", 1e-9}, {"HNO3", 3e-9}, {"NO2", 2e-9}}},                     // evaporates, NOx gains
      {{{"PRIMARY", "a", 1e-9}, {"PRIMARY", "b", 1e-9}}, {{"PEC", 3e-9}}},  // tags short
      {{}, {{"PEC", 1e-9}, {"SO2", 1e-9}}},                                 // bulk, no tags
  };
  for (const bool chemistry : {true, false}) {
    const std::vector<std::vector<double>> row = attributed_row(cases, chemistry);
    for (std::size_t i = 0; i < cases.size(); ++i) {
      const std::vector<double> alone = attributed_row({cases[i]}, chemistry).front();
      for (std::size_t f = 0; f < alone.size(); ++f) {
        // Bit for bit: EXPECT_EQ on doubles, not NEAR.
        EXPECT_EQ(row[i][f], alone[f]) << "cell " << i << ", field " << f
                                       << (chemistry ? " (attribution)" : " (renormalisation)");
      }
    }
  }
}

}  // namespace
}  // namespace kctm
