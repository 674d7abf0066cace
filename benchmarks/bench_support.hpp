#pragma once
// Shared pieces of the benchmarks: fenced timing and the bandwidth counters.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>

#include "kernels/kokkos_types.hpp"
#include "stream_reference.hpp"

namespace kctm::bench {

/// Wall time of f() with the device fenced before and after [s].
template <class F>
double fenced_seconds(F&& f) {
  Kokkos::fence();
  const auto t0 = std::chrono::steady_clock::now();
  f();
  Kokkos::fence();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

/// Runs f once per iteration under manual timing and sets cells/s, bytes/s and the fraction of the
/// STREAM bandwidth from `cells` and `bytes` per call (bytes: what the kernel must move, no more).
template <class F>
void run_kernel(benchmark::State& state, double cells, double bytes, F&& f) {
  double total_s = 0;
  for (auto _ : state) {
    const double s = fenced_seconds(f);
    state.SetIterationTime(s);
    total_s += s;
  }
  const double calls = static_cast<double>(state.iterations());
  const double bytes_per_s = bytes * calls / total_s;
  state.counters["cells_per_s"] = cells * calls / total_s;
  state.counters["GB_per_s"] = bytes_per_s / 1e9;
  state.counters["fraction_of_stream"] = bytes_per_s / stream_bandwidth_bytes_per_s();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  state.counters["peak_rss_MiB"] = usage.ru_maxrss / 1024.0;  // of the whole process so far
}

}  // namespace kctm::bench
