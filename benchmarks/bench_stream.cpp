// STREAM triad with Kokkos: the bandwidth reference every other benchmark is compared against.
#include "bench_support.hpp"

namespace kctm::bench {

static void BM_StreamTriad(benchmark::State& state) {
  const TriadArrays t(kStreamElements);
  double best = 0;
  for (auto _ : state) {
    const double s = fenced_seconds([&] { t.run(); });
    state.SetIterationTime(s);
    best = std::max(best, t.bytes() / s);
  }
  record_stream_bandwidth(best);
  state.counters["best_GB_per_s"] = best / 1e9;
}
BENCHMARK(BM_StreamTriad)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace kctm::bench
