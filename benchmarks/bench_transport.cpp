// The transport kernels on the 1 km Hengyang grid (353 × 332 × 21) with 20 fields.
#include <memory>
#include <vector>

#include "bench_support.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"
#include "grids/grid_geometry.hpp"
#include "inputs/device_inputs.hpp"
#include "kernels/horizontal_advection.hpp"
#include "kernels/horizontal_diffusion.hpp"
#include "kernels/host_copy.hpp"
#include "kernels/vertical_advection.hpp"
#include "kernels/vertical_diffusion.hpp"
#include "meteo/placeholder_meteo.hpp"

namespace kctm::bench {

namespace {
constexpr int kFields = 20;

/// The default domain at 1 km with placeholder meteorology, built once.
struct TransportSetup {
  RunConfig config;
  GlobalGrid grid;
  Subdomain sub;
  DeviceGeometry geo;
  DeviceMeteo met;
  View4D<double> q, q_out, emis;
  View3D<double> air;

  static RunConfig one_km() {
    Config c;
    c.set("grid.dx_km=1");
    return read_run_config(c);
  }
  TransportSetup()
      : config(one_km()),
        grid(GlobalGrid::from_spec(config.domain)),
        sub(whole_domain(grid, kAdvectionHalo)),
        geo(make_device_geometry(grid, sub, compute_geometry(grid, sub))),
        met(allocate_device_meteo(geo)),
        q("q", kFields, grid.nz(), sub.ny_with_halo(), sub.nx_with_halo()),
        q_out("q_out", kFields, grid.nz(), sub.ny_with_halo(), sub.nx_with_halo()),
        emis("emis", kFields, grid.nz(), sub.ny, sub.nx),
        air("air", grid.nz(), sub.ny_with_halo(), sub.nx_with_halo()) {
    upload_meteo(
        PlaceholderMeteo(config.meteo, grid, sub, config.start).at(config.start + 12 * 3600), met);
    Kokkos::deep_copy(q, 1e-9);
    Kokkos::deep_copy(air, met.rho_kg_m3);
  }
  double cells() const { return double(kFields) * grid.nz() * sub.ny * sub.nx; }
};
}  // namespace

// Bytes: q read once and written once per field-cell, in place (16 B); the face air flux, ρ and
// area are shared by the 20 fields and cached across them, so they add ~(3 × 8 B)/20 per
// field-cell.
static void advect_horizontal_bench(benchmark::State& state, Axis axis) {
  const TransportSetup& s = shared_setup<TransportSetup>();
  const MassBudget budget("budget", kFields, kBudgetColumns);
  const AdvectionWork work = allocate_advection_work(s.geo, kFields);
  const FieldList fields = all_fields(kFields);
  face_air_fluxes(s.geo, s.met, axis, 60.0, work);
  run_kernel(state, s.cells(), s.cells() * (16.0 + 24.0 / kFields),
             [&] { advect_horizontal(s.geo, axis, fields, s.q, s.air, work, budget); });
}
static void BM_AdvectHorizontalX(benchmark::State& state) {
  advect_horizontal_bench(state, Axis::X);
}
static void BM_AdvectHorizontalY(benchmark::State& state) {
  advect_horizontal_bench(state, Axis::Y);
}
BENCHMARK(BM_AdvectHorizontalX)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AdvectHorizontalY)->UseManualTime()->Unit(benchmark::kMillisecond);

// Bytes: q read and written in place (16 B) per field-cell; the vertical flux and ρ per column are
// shared by the fields.
static void BM_AdvectVertical(benchmark::State& state) {
  const TransportSetup& s = shared_setup<TransportSetup>();
  const View3D<double> w("w", s.grid.nz() + 1, s.sub.ny, s.sub.nx);
  const View3D<double> column_kg("column_kg", kFields, s.sub.ny, s.sub.nx);
  const View2D<double> q_bc("q_bc", kFields, s.grid.nz());
  const MassBudget budget("budget", kFields, kBudgetColumns);
  const FieldList fields = all_fields(kFields);
  Kokkos::deep_copy(w, 1e3);  // a uniform upward air-mass flux [kg] through every inner interface
  run_kernel(state, s.cells(), s.cells() * (16.0 + 16.0 / kFields),
             [&] { advect_vertical(s.geo, w, 1.0, q_bc, fields, s.q, s.air, column_kg, budget); });
}
BENCHMARK(BM_AdvectVertical)->UseManualTime()->Unit(benchmark::kMillisecond);

// Bytes: q read and q_out written (16 B) per field-cell; the five coefficients of a cell (40 B) are
// shared by the fields.
static void BM_DiffuseHorizontal(benchmark::State& state) {
  const TransportSetup& s = shared_setup<TransportSetup>();
  const DiffusionCoefficients c = allocate_diffusion_coefficients(s.geo);
  compute_diffusion_coefficients(s.geo, s.air, c);
  const FieldList fields = all_fields(kFields);
  run_kernel(state, s.cells(), s.cells() * (16.0 + 40.0 / kFields),
             [&] { diffuse_horizontal(s.geo, c, 100.0, 60.0, fields, s.q, s.q_out); });
}
BENCHMARK(BM_DiffuseHorizontal)->UseManualTime()->Unit(benchmark::kMillisecond);

// Bytes: q read and written (16 B) and the emission read (8 B) per field-cell, every field
// emitting; ρ and Kz per column are shared by the fields.
static void BM_DiffuseVertical(benchmark::State& state) {
  const TransportSetup& s = shared_setup<TransportSetup>();
  const View3D<double> vdep("vdep", kFields, s.sub.ny, s.sub.nx),
      column_kg("column_kg", kFields, s.sub.ny, s.sub.nx);
  const MassBudget budget("budget", kFields, kBudgetColumns);
  std::vector<int> slots(kFields);
  for (int f = 0; f < kFields; ++f) slots[f] = f;
  const View1D<int> emission_slot = device_vector("emission_slot", slots);
  const FieldList fields = all_fields(kFields);
  run_kernel(state, s.cells(), s.cells() * (24.0 + 16.0 / kFields), [&] {
    diffuse_vertical(s.geo, s.met, s.air, 600.0, {s.emis, emission_slot, vdep}, fields, s.q,
                     column_kg, budget);
  });
}
BENCHMARK(BM_DiffuseVertical)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace kctm::bench
