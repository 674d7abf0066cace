#pragma once
// Shared pieces of the benchmarks: fenced timing and the bandwidth counters.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <chrono>
#include <memory>

#include "kernels/fenced_time.hpp"
#include "kernels/kokkos_types.hpp"
#include "stream_reference.hpp"

namespace kctm::bench {

/// One T for the whole benchmark binary, built on first use and freed by a finalize hook, since
/// views must die before Kokkos does.
template <class T>
const T& shared_setup() {
  static std::unique_ptr<T> setup;
  if (!setup) {
    setup = std::make_unique<T>();
    Kokkos::push_finalize_hook([] { setup.reset(); });
  }
  return *setup;
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
