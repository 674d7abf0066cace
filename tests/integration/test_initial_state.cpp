#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "netcdf_values.hpp"
#include "tracer_runs.hpp"

namespace kctm {

// A run that starts from another run's final state continues that run: its records are those of
// one run over both periods, bit for bit (the tracer's mixing ratios carry over; the air is the
// meteorology's, which the first run's air equals at its end).
TEST(InitialState, AnotherRunsFinalStateContinuesItBitForBit) {
  const std::string first = test::temp_dir("initial-first"), then = test::temp_dir("initial-then"),
                    whole = test::temp_dir("initial-whole"), cold = test::temp_dir("initial-cold");
  test::tracer_run(first, "2019-01-01T00:00:00+08:00", 3, {"checkpoint.final_state=true"});
  const std::string state = first + "/kctm_final_state.h5";
  ASSERT_TRUE(std::filesystem::exists(state)) << "checkpoint.final_state keeps the end's state";
  test::tracer_run(then, "2019-01-01T03:00:00+08:00", 2, {"time.initial_state=" + state});
  test::tracer_run(whole, "2019-01-01T00:00:00+08:00", 5, {});
  test::tracer_run(cold, "2019-01-01T03:00:00+08:00", 2, {});
  const std::string day = "/kctm_conc_20190101.nc";
  EXPECT_EQ(test::last_records(then + day, "TRACER", 2),
            test::last_records(whole + day, "TRACER", 2))
      << "the second run continues the first";
  EXPECT_NE(test::last_records(then + day, "TRACER", 2),
            test::last_records(cold + day, "TRACER", 2))
      << "the test must see the first run's tracer";
}

TEST(InitialState, AStateOfAnotherGridIsRefusedBeforeTheFirstStep) {
  const std::string first = test::temp_dir("initial-grid9"), then = test::temp_dir("initial-grid6");
  test::tracer_run(first, "2019-01-01T00:00:00+08:00", 1, {"checkpoint.final_state=true"});
  const std::string error = test::error_of([&] {
    test::tracer_run(then, "2019-01-01T01:00:00+08:00", 1,
                     {"time.initial_state=" + first + "/kctm_final_state.h5"}, "6");
  });
  EXPECT_NE(error.find("kctm_final_state.h5"), std::string::npos) << error;
  EXPECT_NE(error.find("grid"), std::string::npos) << error;
  EXPECT_FALSE(std::filesystem::exists(then + "/kctm_conc_20190101.nc")) << "nothing written";
}

}  // namespace kctm
