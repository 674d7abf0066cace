// Source apportionment's cost: a full model step (transport, chemistry, the tag kernels) of the
// default Hengyang run, without tags and with 4, 11 (the default set) and ~100 sources (sectors
// × counties), and the peak memory of the 1 km domain with the default sources against the bytes
// of its state. Each iteration is a short run through run_simulation, timed by its own clocks:
// setup and output are left out.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <string>
#include <vector>

#include "bench_runs.hpp"

namespace kctm::bench {

namespace {

const std::vector<std::vector<std::string>> kVariants = {
    {"source_apportionment.enabled=false"},
    {"source_apportionment.sources=industry = industrial_process@*; power = "
     "stationary_combustion@*; traffic = mobile@*"},
    {},
    {"source_apportionment.by_county=true"},
};

RunResult run(const std::vector<std::string>& sets) {
  return scratch_run(sets, "kctm-bench-apportionment");
}

/// Seconds per model step of the run's operators; range(0) picks the variant, range(1) the
/// resolution [km].
void BM_ApportionmentStep(benchmark::State& state) {
  std::vector<std::string> sets = kVariants.at(state.range(0));
  sets.push_back("grid.dx_km=" + std::to_string(state.range(1)));
  sets.push_back("time.hours=1");
  RunResult r;
  for (auto _ : state) {
    r = run(sets);
    state.SetIterationTime(
        (r.phases.transport() + r.phases[kPhaseChemistry] + r.phases[kPhaseTags]) /
        static_cast<double>(r.steps));
  }
  state.counters["sources"] = r.sources;
  state.counters["fields"] = r.fields;
  state.counters["tag_s_per_step"] = r.phases[kPhaseTags] / static_cast<double>(r.steps);
}
BENCHMARK(BM_ApportionmentStep)
    ->ArgsProduct({{0, 1, 2, 3}, {9}})
    ->Args({0, 3})
    ->Args({2, 3})
    ->UseManualTime()
    ->Unit(benchmark::kSecond)
    ->Iterations(1);

/// One hour-long step of the 1 km domain with the default sources: the process's peak resident
/// memory against the bytes of the state (tags included). Run it alone (--benchmark_filter),
/// as peak memory is per process.
void BM_ApportionmentMemory1km(benchmark::State& state) {
  RunResult r;
  for (auto _ : state) {
    r = run({"grid.dx_km=1", "time.hours=1", "time.step_s=3600"});
    state.SetIterationTime(r.wall_s);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double peak = usage.ru_maxrss * 1024.0;
  state.counters["fields"] = r.fields;
  state.counters["state_GiB"] = r.state_bytes / 1073741824.0;
  state.counters["peak_GiB"] = peak / 1073741824.0;
  state.counters["peak_over_state"] = peak / r.state_bytes;
}
BENCHMARK(BM_ApportionmentMemory1km)->UseManualTime()->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace

}  // namespace kctm::bench
