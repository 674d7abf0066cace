// The whole step of the default Hengyang run, as a user meets it: simulated days per wall hour at
// 6 and 3 km, with and without source apportionment, and the share of each phase of the step
// (run/phase_times.hpp). Each iteration runs `kHours` simulated hours from a January noon; its
// time is the time loop's (setup left out), and the counters project a year:
//   sim_days_per_wall_h   simulated days per hour of wall time;
//   year_wall_h           wall hours for 365 days at that pace;
//   pct_<phase>           each phase's share of the loop's wall time [%].
// Run: build/benchmarks/kctm_bench --benchmark_filter=FullStep --benchmark_out=full_step.json
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "bench_runs.hpp"

namespace kctm::bench {

namespace {

constexpr int kHours = 2;

/// A counter name for a phase: "pct_" and its name's letters and digits, "_" for the rest.
std::string counter_name(StepPhase p) {
  std::string name = "pct_";
  for (const char ch : std::string(PhaseTimes::name(p))) {
    name += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  }
  return name;
}

/// range(0): grid spacing [km]; range(1): 1 with the default source apportionment, 0 without.
void BM_FullStep(benchmark::State& state) {
  const std::vector<std::string> sets = {
      "grid.dx_km=" + std::to_string(state.range(0)), "time.hours=" + std::to_string(kHours),
      std::string("source_apportionment.enabled=") + (state.range(1) ? "true" : "false")};
  RunResult r;
  for (auto _ : state) {
    r = scratch_run(sets, "kctm-bench-full-step");
    state.SetIterationTime(r.wall_s);
  }
  const double days_per_wall_h = (kHours / 24.0) / (r.wall_s / 3600.0);
  state.counters["sim_days_per_wall_h"] = days_per_wall_h;
  state.counters["year_wall_h"] = 365.0 / days_per_wall_h;
  state.counters["fields"] = r.fields;
  for (int p = 0; p < kPhaseCount; ++p) {
    state.counters[counter_name(static_cast<StepPhase>(p))] =
        100.0 * r.phases.s[p] / std::max(r.wall_s, 1e-30);
  }
}
BENCHMARK(BM_FullStep)
    ->ArgsProduct({{6, 3}, {0, 1}})
    ->ArgNames({"dx_km", "tags"})
    ->UseManualTime()
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

}  // namespace

}  // namespace kctm::bench
