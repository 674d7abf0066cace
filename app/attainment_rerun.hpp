#pragma once
// `kctm attain --rerun`: the nonlinear response to the plan's measures. The run's own recorded
// configuration (kctm_config in its output) is run again for each year of the scenario with
// each sector's emissions scaled (emissions.scale), and the PM2.5 at the stations or over the
// city area compared with the base run's, source apportionment included.
#include <string>
#include <vector>

#include "analysis/attainment.hpp"

namespace kctm {

/// Reruns `run_dir` into run_dir/attain-YEAR for every year of `scenario`; the projection moves
/// the base year by the ratio of the PM2.5 at `place` (every source but the initial state) in
/// the rerun to the base run's. Needs Kokkos running.
std::vector<YearProjection> rerun_projection(const std::string& run_dir, const Scenario& scenario,
                                             const std::vector<double>& daily_pm25,
                                             ApportionmentPlace place);

}  // namespace kctm
