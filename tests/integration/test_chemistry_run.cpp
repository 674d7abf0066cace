// The chemistry in full 3-D runs: stable at the transport step, nitrogen and sulfur budgets closed
// over transport, boundaries and chemistry, no negative concentration, and a plausible summer day.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "config/config.hpp"
#include "netcdf_values.hpp"
#include "run/driver.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

TEST(ChemistryRun, SummerDayAt9kmIsStableClosedAndPositive) {
  const std::string dir = test::temp_dir("chemistry-run");
  const Config c = test::config_with(
      {"grid.dx_km=9", "time.hours=12", "time.start=2019-07-15T06:00:00+08:00", "output.dir=" + dir,
       "log.progress_interval_s=1000", "source_apportionment.enabled=false"});
  const RunResult r = run_simulation(read_run_config(c));
  std::printf(
      "nitrogen imbalance %.1e, sulfur %.1e; %ld rejected, %ld clipped; chemistry %.1f s "
      "of %.1f s\n",
      r.nitrogen.relative_imbalance(), r.sulfur.relative_imbalance(), r.chemistry.rejected,
      r.chemistry.clipped, r.phases[kPhaseChemistry],
      r.phases[kPhaseChemistry] + r.phases.transport());
  EXPECT_EQ(r.chemistry.failed_cells, 0);
  EXPECT_LT(std::abs(r.nitrogen.relative_imbalance()), 1e-12);
  EXPECT_LT(std::abs(r.sulfur.relative_imbalance()), 1e-12);
  ASSERT_EQ(r.files.size(), 1u);
  for (const char* name : {"O3", "NO2", "SO2", "PM25", "SULF", "NIT", "SOA"}) {
    const std::vector<float> v = test::read_variable(r.files[0], name);
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    std::printf("%-5s min %9.3f max %9.3f ug m-3\n", name, *lo, *hi);
    EXPECT_GE(*lo, 0.0f) << name;
  }
  // Ozone made in the afternoon: above the 40 ppb (~80 ug m-3) background somewhere, and not
  // absurd.
  const std::vector<float> o3 = test::read_variable(r.files[0], "O3");
  const float o3_max = *std::max_element(o3.begin(), o3.end());
  EXPECT_GT(o3_max, 85.0f);
  EXPECT_LT(o3_max, 500.0f);
}

}  // namespace
}  // namespace kctm
