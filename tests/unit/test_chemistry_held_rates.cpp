// The chemistry holds each cell's rate coefficients that depend on the air alone while the
// meteorology's revision holds: the results are those of computing them every step, bit for bit,
// and new meteorology (a new revision) is never served the old coefficients.
#include <gtest/gtest.h>

#include "base/civil_time.hpp"
#include "base/constants.hpp"
#include "chemistry/chemistry_step.hpp"
#include "chemistry/species.hpp"
#include "kernels/host_copy.hpp"

namespace kctm {
namespace {

constexpr int kCells = 11;  // a row: a full block of the solver's lanes and part of one

/// A row of polluted summer cells, each a little warmer than the last.
struct Row {
  chem::Chemistry chemistry{identity_fields(), chem::SolverControl{}};
  chem::ChemistryMeteo met = chem::ChemistryMeteo::allocate(1, 1, kCells);
  View3D<double> air{"air", 1, 1, kCells};
  View4D<double> q{"q", static_cast<int>(chem::kSpecies.size()), 1, 1, kCells};
  double noon_s = 0;

  static std::vector<int> identity_fields() {
    std::vector<int> fields(chem::kSpecies.size());
    for (std::size_t s = 0; s < fields.size(); ++s) fields[s] = static_cast<int>(s);
    return fields;
  }
  Row() {
    Kokkos::deep_copy(air, 1.17);
    set_temperature(295.0);
    Kokkos::deep_copy(met.air_molec_cm3, 2.45e19);
    Kokkos::deep_copy(met.h2o_molec_cm3, 5e17);
    Kokkos::deep_copy(met.rh, 0.6);
    Kokkos::deep_copy(met.lat_deg, 26.9);
    Kokkos::deep_copy(met.lon_deg, 112.6);
    auto host = Kokkos::create_mirror_view(q);
    const std::pair<const char*, double> ppb[] = {
        {"O3", 50}, {"NO", 5},  {"NO2", 20}, {"CO", 400}, {"HCHO", 4}, {"ALK", 25},
        {"OLE", 4}, {"ARO", 6}, {"ISOP", 1}, {"SO2", 6},  {"NH3", 12}, {"HNO3", 2}};
    for (const auto& [name, v] : ppb) {
      const int s = chem::species_index(name);
      for (int i = 0; i < kCells; ++i) {
        host(s, 0, 0, i) = v * 1e-9 * chem::kSpecies[s].molar_mass_g_mol /
                           (1e3 * constants::kMolarMassDryAir) * (1 + 0.05 * i);
      }
    }
    Kokkos::deep_copy(q, host);
    UnixSeconds noon = 0;
    parse_iso8601("2019-07-15T12:30:00+08:00", noon);
    noon_s = static_cast<double>(noon);
  }
  void set_temperature(double base_k) {
    auto t = Kokkos::create_mirror_view(met.t_k);
    for (int i = 0; i < kCells; ++i) t(0, 0, i) = base_k + 0.7 * i;
    Kokkos::deep_copy(met.t_k, t);
  }
  /// Three 600 s steps of one meteorology (`revision`; 0: nothing held), then three of a warmer one
  /// (a new revision, or 0 again).
  std::vector<double> run(long first, long second) {
    met.revision = first;
    for (int s = 0; s < 3; ++s) chemistry.step(met, air, q, 0, noon_s + 600.0 * s, 600.0);
    set_temperature(301.0);
    met.revision = second;
    for (int s = 3; s < 6; ++s) chemistry.step(met, air, q, 0, noon_s + 600.0 * s, 600.0);
    auto host = Kokkos::create_mirror_view(q);
    Kokkos::deep_copy(host, q);
    return {host.data(), host.data() + host.size()};
  }
};

TEST(ChemistryHeldRates, HoldingTheAirsCoefficientsChangesNoResult) {
  const std::vector<double> every_step = Row().run(0, 0);
  const long first = chem::next_meteo_revision(), second = chem::next_meteo_revision();
  const std::vector<double> held = Row().run(first, second);
  ASSERT_EQ(held.size(), every_step.size());
  for (std::size_t e = 0; e < held.size(); ++e) {
    EXPECT_EQ(held[e], every_step[e]) << "value " << e;  // bit for bit
  }
  // The warmer air under the first revision's coefficients would have given other results.
  const long same = chem::next_meteo_revision();
  const std::vector<double> stale = Row().run(same, same);
  EXPECT_NE(stale, every_step);
}

}  // namespace
}  // namespace kctm
