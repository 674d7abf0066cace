#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "netcdf_values.hpp"
#include "tracer_runs.hpp"

namespace kctm {

namespace {

/// A tracer-only Hengyang run at 9 km from `start` for `hours`, after `spinup_days`.
RunResult tracer_run(const std::string& dir, const std::string& start, int hours, int spinup_days) {
  return test::tracer_run(dir, start, hours, {"time.spinup_days=" + std::to_string(spinup_days)});
}

}  // namespace

// A spin-up is the days before the start, simulated without output: the records from the start
// on are those of a run begun that much earlier, bit for bit, in files of their own period.
TEST(SpinUp, RecordsFromTheStartCarryTheDaysBefore) {
  const std::string spun = test::temp_dir("spinup-spun"), early = test::temp_dir("spinup-early"),
                    cold = test::temp_dir("spinup-cold");
  const RunResult r = tracer_run(spun, "2019-01-02T00:00:00+08:00", 3, 1);
  tracer_run(early, "2019-01-01T00:00:00+08:00", 27, 0);
  tracer_run(cold, "2019-01-02T00:00:00+08:00", 3, 0);
  namespace fs = std::filesystem;
  const std::string day = "/kctm_conc_20190102.nc";
  EXPECT_FALSE(fs::exists(spun + "/kctm_conc_20190101.nc")) << "the spin-up writes no file";
  ASSERT_TRUE(fs::exists(spun + day));
  EXPECT_EQ(test::read_variable(spun + day, "time"), test::read_variable(cold + day, "time"))
      << "the records have the times of a run without spin-up";
  EXPECT_EQ(test::last_records(spun + day, "TRACER", 3),
            test::last_records(early + day, "TRACER", 3))
      << "the spun-up run holds the state of a run begun a day earlier";
  EXPECT_NE(test::last_records(spun + day, "TRACER", 3),
            test::last_records(cold + day, "TRACER", 3))
      << "the test must see the spin-up's tracer";
  EXPECT_EQ(r.steps, 27 * 6) << "the spin-up's steps are simulated";
  EXPECT_LT(std::abs(r.tracer.relative_imbalance()), 1e-10) << "the budget spans the spin-up";
}

// The run's phases (run/phase_times.hpp) hold its time loop: each phase a tracer run goes
// through is timed, those it skips are not, and together they are the loop's wall time.
TEST(RunPhases, ThePhasesOfAStepAddUpToTheTimeLoop) {
  const RunResult r = tracer_run(test::temp_dir("phases"), "2019-01-01T00:00:00+08:00", 2, 0);
  for (const StepPhase p :
       {kPhaseInputs, kPhaseVertical, kPhaseAdvectX, kPhaseAdvectY, kPhaseAdvectZ, kPhaseOutput}) {
    EXPECT_GT(r.phases[p], 0.0) << PhaseTimes::name(p);
  }
  for (const StepPhase p : {kPhaseChemistry, kPhaseTags, kPhaseWet, kPhaseCheckpoint}) {
    EXPECT_EQ(r.phases[p], 0.0) << PhaseTimes::name(p) << ": not part of this run";
  }
  EXPECT_LE(r.phases.total(), r.wall_s);
  EXPECT_GT(r.phases.total(), 0.5 * r.wall_s) << "the phases miss most of the loop";
  EXPECT_NE(r.phases.table(r.wall_s).find("advection x"), std::string::npos);
}

TEST(SpinUp, DaysOutOfRangeAreRefused) {
  Config c;
  c.set("time.spinup_days=-1");
  EXPECT_NE(test::error_of([&] { read_run_config(c); }).find("time.spinup_days"),
            std::string::npos);
}

}  // namespace kctm
