// `kctm attain --rerun`: a short run rerun with the plan's 2025 emissions moves Hengyang's PM2.5
// down, by about what the first-order projection from its apportionment says.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/attainment_rerun.hpp"
#include "config/config.hpp"
#include "emissions/inventory.hpp"
#include "run/driver.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

TEST(AttainmentRerun, ThePlansEmissionsLowerPm25AsTheFirstOrderProjectionSays) {
  const std::string dir = test::temp_dir("attain-rerun");
  const Config c =
      test::config_with({"grid.dx_km=9", "time.hours=3", "time.start=2019-01-01T06:00:00+08:00",
                         "output.dir=" + dir + "/run", "log.progress_interval_s=100000"});
  run_simulation(read_run_config(c));
  const Inventory& inventory = hengyang_2018_inventory();
  const std::string scenario_file =
      (std::filesystem::path(KCTM_SOURCE_DIR) / "scenarios/hengyang-plan.yaml").string();
  const Scenario s = read_scenario(scenario_file, inventory.sectors, inventory.pollutants);
  const ApportionmentPlace area = ApportionmentPlace::CityArea;
  const auto first = project(s, read_contributions(dir + "/run/kctm_sa_summary.csv", area), {});
  const auto rerun = rerun_projection(dir + "/run", s, {}, area);
  ASSERT_EQ(rerun.size(), 3u);
  for (std::size_t y = 0; y < rerun.size(); ++y) {
    std::printf("%d: first order %+.1f %%, rerun %+.1f %%\n", rerun[y].year, 100 * first[y].change,
                100 * rerun[y].change);
    EXPECT_LT(rerun[y].change, 0.0);
    // Three hours of mostly primary PM: the response is close to linear.
    EXPECT_NEAR(rerun[y].change, first[y].change, 0.25 * std::abs(first[y].change));
    EXPECT_TRUE(std::filesystem::exists(dir + "/run/attain-" + std::to_string(rerun[y].year) +
                                        "/kctm_sa_summary.csv"));
  }
}

}  // namespace
}  // namespace kctm
