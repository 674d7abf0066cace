// The chemistry kernel (KCTM-C1, Rosenbrock ROS3 per cell, then the aerosol equilibria) on the
// 1 km Hengyang grid's columns (353 × 332) for three layers, over one 600 s model step of a
// polluted summer noon: cells per second of the whole operator.
#include <memory>

#include "base/constants.hpp"
#include "bench_support.hpp"
#include "chemistry/chemistry_step.hpp"
#include "chemistry/species.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"

namespace kctm::bench {

namespace {
constexpr int kLayers = 3;
constexpr double kStep_s = 600;
constexpr double kAirMolarMass = 1e3 * constants::kMolarMassDryAir;  // [g mol-1]

struct ChemistrySetup {
  int nx, ny;
  View4D<double> q;
  View3D<double> air;
  chem::ChemistryMeteo met;
  std::unique_ptr<chem::Chemistry> chemistry;
  UnixSeconds noon = 0;
  double noon_unix_s = 0;

  ChemistrySetup() {
    Config c;
    c.set("grid.dx_km=1");
    const RunConfig rc = read_run_config(c);
    const GlobalGrid grid = GlobalGrid::from_spec(rc.domain);
    nx = grid.nx(), ny = grid.ny();
    const int n = static_cast<int>(chem::kSpecies.size());
    std::vector<int> fields(n);
    for (int s = 0; s < n; ++s) fields[s] = s;
    chemistry = std::make_unique<chem::Chemistry>(fields, chem::SolverControl{});
    q = View4D<double>("q", n, kLayers, ny, nx);
    air = View3D<double>("air", kLayers, ny, nx);
    Kokkos::deep_copy(air, 1.17);
    // A polluted summer afternoon (ppb; µg m-3 for aerosols).
    const std::pair<const char*, double> ppb[] = {
        {"O3", 60},  {"NO", 5},   {"NO2", 20}, {"CO", 400}, {"HCHO", 4},   {"ALD", 3},
        {"ALK", 25}, {"OLE", 4},  {"ARO", 6},  {"ISOP", 1}, {"TERP", 0.2}, {"SO2", 6},
        {"NH3", 12}, {"HNO3", 2}, {"H2O2", 1}, {"PAN", 1}};
    for (const auto& [name, v] : ppb) {
      const double m = chem::kSpecies[chem::species_index(name)].molar_mass_g_mol;
      Kokkos::deep_copy(
          Kokkos::subview(q, chem::species_index(name), Kokkos::ALL, Kokkos::ALL, Kokkos::ALL),
          v * 1e-9 * m / kAirMolarMass);
    }
    for (const auto& [name, ug] : {std::pair<const char*, double>{"SULF", 12}, {"POA", 8}}) {
      Kokkos::deep_copy(
          Kokkos::subview(q, chem::species_index(name), Kokkos::ALL, Kokkos::ALL, Kokkos::ALL),
          ug * 1e-9 / 1.17);
    }
    met = chem::ChemistryMeteo::allocate(kLayers, ny, nx);
    Kokkos::deep_copy(met.t_k, 300.0);
    Kokkos::deep_copy(met.air_molec_cm3, 2.45e19);
    Kokkos::deep_copy(met.h2o_molec_cm3, 5e17);
    Kokkos::deep_copy(met.rh, 0.6);
    Kokkos::deep_copy(met.lat_deg, 26.9);
    Kokkos::deep_copy(met.lon_deg, 112.6);
    parse_iso8601("2019-07-15T12:30:00+08:00", noon);
    noon_unix_s = static_cast<double>(noon);
  }
  double cells() const { return double(kLayers) * ny * nx; }
};
}  // namespace

// Bytes: every species read and written once per cell (the solver works in registers and the
// stack), plus the cell's meteorology; chemistry is compute-bound, so the fraction of STREAM
// mainly says how far it is from being memory-bound.
static void BM_Chemistry(benchmark::State& state) {
  const ChemistrySetup& s = shared_setup<ChemistrySetup>();
  const double bytes = s.cells() * (16.0 * chem::kSpecies.size() + 6 * 8.0);
  chem::ChemistryStats stats;
  run_kernel(state, s.cells(), bytes,
             [&] { stats = s.chemistry->step(s.met, s.air, s.q, 0, s.noon_unix_s, kStep_s); });
  // Lanes of a SIMD value share their steps: steps per cell = steps per value.
  state.counters["solver_steps_per_cell"] =
      double(stats.steps) * chem::LaneCount<chem::ChemValue>::value / stats.cells;
  state.counters["failed_cells"] = double(stats.failed_cells);
}
BENCHMARK(BM_Chemistry)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace kctm::bench
