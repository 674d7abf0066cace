#include <gtest/gtest.h>

#include <netcdf>

#include "config/config.hpp"
#include "run/driver.hpp"
#include "test_support.hpp"

namespace kctm {

namespace {
// A small, fast Hengyang run: 9 km cells, a 20 km buffer, 6 layers.
Config small_run(const std::string& out_dir) {
  Config c;
  c.set("grid.dx_km=9");
  c.set("grid.buffer_km=20");
  c.set("grid.levels_m=[0, 50, 150, 400, 1000, 2500, 6000]");
  c.set("grid.mask.counties_file=\"\"");
  c.set("output.dir=" + out_dir);
  c.set("source_apportionment.enabled=false");
  return c;
}
}  // namespace

TEST(TracerMass, EmittedEqualsInDomainPlusOutflow) {
  Config c = small_run(test::temp_dir("mass-outflow"));
  c.set("time.hours=18");
  c.set("meteo.placeholder.wind_speed_m_s=12");  // the plume reaches the boundary within hours
  const RunResult r = run_simulation(read_run_config(c));
  const TracerBudget& b = r.tracer;
  EXPECT_GT(b.outflow_kg, 0.1 * b.emitted_kg) << "the test must exercise outflow";
  EXPECT_EQ(b.inflow_kg, 0.0);
  EXPECT_NEAR(b.emitted_kg, 18 * 3600.0, 1e-6);
  // Round-off only: sums of O(1e5) terms of similar size.
  EXPECT_LT(std::abs(b.relative_imbalance()), 1e-10)
      << "emitted " << b.emitted_kg << " in domain " << b.final_kg << " out " << b.outflow_kg;
}

TEST(TracerMass, BoundaryInflowIsCounted) {
  Config c = small_run(test::temp_dir("mass-inflow"));
  c.set("time.hours=6");
  c.set("tracer.boundary_ug_kg=5");
  c.set("tracer.emission_kg_s=0");
  const RunResult r = run_simulation(read_run_config(c));
  EXPECT_GT(r.tracer.inflow_kg, 0.0);
  EXPECT_GT(r.tracer.outflow_kg, 0.0);
  EXPECT_LT(std::abs(r.tracer.relative_imbalance()), 1e-10);
}

TEST(TracerMass, DepositionClosesTheBudget) {
  Config c = small_run(test::temp_dir("mass-deposition"));
  c.set("time.hours=12");
  c.set("tracer.deposition_velocity_m_s=0.02");
  const RunResult r = run_simulation(read_run_config(c));
  EXPECT_GT(r.tracer.deposited_kg, 0.05 * r.tracer.emitted_kg);
  EXPECT_LT(std::abs(r.tracer.relative_imbalance()), 1e-10);
}

TEST(TracerMass, ConcentrationsStayNonNegativeAndPeakNearTheSource) {
  const std::string dir = test::temp_dir("mass-positive");
  Config c = small_run(dir);
  c.set("time.hours=3");
  const RunResult r = run_simulation(read_run_config(c));
  ASSERT_EQ(r.files.size(), 1u);
  netCDF::NcFile nc(r.files[0], netCDF::NcFile::read);
  const netCDF::NcVar v = nc.getVar("TRACER");
  const std::size_t n = static_cast<std::size_t>(r.nz) * r.ny * r.nx;
  std::vector<float> values(3 * n);
  v.getVar(values.data());
  float lo = values[0], hi = values[0];
  for (float x : values) lo = std::min(lo, x), hi = std::max(hi, x);
  EXPECT_GE(lo, 0.0f);
  EXPECT_GT(hi, 1.0f) << "1 kg/s into a 9 km cell gives tens of ug/m3";
}

}  // namespace kctm
