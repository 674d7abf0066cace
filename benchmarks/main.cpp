// kctm benchmarks: MPI and Kokkos live for the run; the JSON context records the configuration.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cstdlib>
#include <string>

#include "base/version.hpp"
#include "kernels/kokkos_types.hpp"
#include "parallel/decomposition.hpp"
#include "stream_reference.hpp"

int main(int argc, char** argv) {
  setenv("OMP_PROC_BIND", "spread", 0);
  setenv("OMP_PLACES", "threads", 0);
  const kctm::MpiSession mpi(argc, argv);
  Kokkos::ScopeGuard kokkos(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::AddCustomContext("kctm_version", kctm::kVersion);
  benchmark::AddCustomContext("kokkos_version", std::to_string(KOKKOS_VERSION));
  benchmark::AddCustomContext("kokkos_execution_space", kctm::ExecSpace::name());
  benchmark::AddCustomContext("kokkos_concurrency",
                              std::to_string(kctm::ExecSpace().concurrency()));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak resident memory: %.1f MiB; STREAM triad: %.2f GB/s\n", usage.ru_maxrss / 1024.0,
              kctm::bench::stream_bandwidth_bytes_per_s() / 1e9);
  return 0;
}
