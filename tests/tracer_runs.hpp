#pragma once
// Short tracer-only runs of the Hengyang domain for the integration tests of the time loop
// (spin-up, initial state, phases): no emissions, chemistry or tags, a coarse grid.
#include <string>
#include <vector>

#include "config/run_config.hpp"
#include "run/driver.hpp"
#include "test_support.hpp"

namespace kctm::test {

/// A tracer-only run at `dx_km` into `dir` from `start` for `hours`, with `more` settings; its
/// output holds every layer, so that comparisons of two runs see the whole state.
inline RunResult tracer_run(const std::string& dir, const std::string& start, int hours,
                            const std::vector<std::string>& more = {},
                            const std::string& dx_km = "9") {
  std::vector<std::string> sets = {"grid.dx_km=" + dx_km,
                                   "grid.buffer_km=20",
                                   "grid.levels_m=[0, 50, 150, 400, 1000, 2500, 6000]",
                                   "grid.mask.counties_file=\"\"",
                                   "emissions.enabled=false",
                                   "chemistry.enabled=false",
                                   "source_apportionment.enabled=false",
                                   "output.dir=" + dir,
                                   "output.layers=0",
                                   "time.start=" + start,
                                   "time.hours=" + std::to_string(hours)};
  sets.insert(sets.end(), more.begin(), more.end());
  return run_simulation(read_run_config(config_with(sets)));
}

}  // namespace kctm::test
