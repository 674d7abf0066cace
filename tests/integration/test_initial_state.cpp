#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "netcdf_values.hpp"
#include "run/driver.hpp"
#include "test_support.hpp"

namespace kctm {

namespace {

/// A tracer-only Hengyang run at `dx_km` from `start` for `hours`, with `more` settings.
RunResult tracer_run(const std::string& dir, const std::string& start, int hours,
                     std::vector<std::string> more, const std::string& dx_km = "9") {
  std::vector<std::string> sets = {"grid.dx_km=" + dx_km,
                                   "grid.buffer_km=20",
                                   "grid.levels_m=[0, 50, 150, 400, 1000, 2500, 6000]",
                                   "grid.mask.counties_file=\"\"",
                                   "emissions.enabled=false",
                                   "chemistry.enabled=false",
                                   "source_apportionment.enabled=false",
                                   "output.dir=" + dir,
                                   "time.start=" + start,
                                   "time.hours=" + std::to_string(hours)};
  sets.insert(sets.end(), more.begin(), more.end());
  return run_simulation(read_run_config(test::config_with(sets)));
}

/// The last `n` records' values of `name` in `path` (records first in the file's layout).
std::vector<float> last_records(const std::string& path, const char* name, int n) {
  const std::vector<float> all = test::read_variable(path, name);
  const std::size_t records = test::read_variable(path, "time").size();
  const std::size_t per_record = all.size() / records;
  return {all.end() - static_cast<std::ptrdiff_t>(n * per_record), all.end()};
}

}  // namespace

// A run that starts from another run's final state continues that run: its records are those of
// one run over both periods, bit for bit (the tracer's mixing ratios carry over; the air is the
// meteorology's, which the first run's air equals at its end).
TEST(InitialState, AnotherRunsFinalStateContinuesItBitForBit) {
  const std::string first = test::temp_dir("initial-first"), then = test::temp_dir("initial-then"),
                    whole = test::temp_dir("initial-whole"), cold = test::temp_dir("initial-cold");
  tracer_run(first, "2019-01-01T00:00:00+08:00", 3, {"checkpoint.final_state=true"});
  const std::string state = first + "/kctm_final_state.h5";
  ASSERT_TRUE(std::filesystem::exists(state)) << "checkpoint.final_state keeps the end's state";
  tracer_run(then, "2019-01-01T03:00:00+08:00", 2, {"time.initial_state=" + state});
  tracer_run(whole, "2019-01-01T00:00:00+08:00", 5, {});
  tracer_run(cold, "2019-01-01T03:00:00+08:00", 2, {});
  const std::string day = "/kctm_conc_20190101.nc";
  EXPECT_EQ(last_records(then + day, "TRACER", 2), last_records(whole + day, "TRACER", 2))
      << "the second run continues the first";
  EXPECT_NE(last_records(then + day, "TRACER", 2), last_records(cold + day, "TRACER", 2))
      << "the test must see the first run's tracer";
}

TEST(InitialState, AStateOfAnotherGridIsRefusedBeforeTheFirstStep) {
  const std::string first = test::temp_dir("initial-grid9"), then = test::temp_dir("initial-grid6");
  tracer_run(first, "2019-01-01T00:00:00+08:00", 1, {"checkpoint.final_state=true"});
  const std::string error = test::error_of([&] {
    tracer_run(then, "2019-01-01T01:00:00+08:00", 1,
               {"time.initial_state=" + first + "/kctm_final_state.h5"}, "6");
  });
  EXPECT_NE(error.find("kctm_final_state.h5"), std::string::npos) << error;
  EXPECT_NE(error.find("grid"), std::string::npos) << error;
  EXPECT_FALSE(std::filesystem::exists(then + "/kctm_conc_20190101.nc")) << "nothing written";
}

TEST(InitialState, AMissingFileIsRefusedByItsKey) {
  Config c;
  c.set("time.initial_state=/nonexistent/kctm_final_state.h5");
  EXPECT_NE(test::error_of([&] { read_run_config(c); }).find("time.initial_state"),
            std::string::npos);
}

}  // namespace kctm
