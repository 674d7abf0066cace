#include "stream_reference.hpp"

#include <algorithm>

#include "bench_support.hpp"

namespace kctm::bench {

namespace {
double g_best_bytes_per_s = 0;
}

TriadArrays::TriadArrays(long n) : a("a", n), b("b", n), c("c", n) {
  Kokkos::deep_copy(b, 1.0);
  Kokkos::deep_copy(c, 2.0);
}

void TriadArrays::run() const {
  const auto a_ = a, b_ = b, c_ = c;
  Kokkos::parallel_for(
      "stream_triad", Policy1D(0, a.extent(0)),
      KOKKOS_LAMBDA(long i) { a_(i) = b_(i) + 3.0 * c_(i); });
}

void record_stream_bandwidth(double bytes_per_s) {
  g_best_bytes_per_s = std::max(g_best_bytes_per_s, bytes_per_s);
}

double stream_bandwidth_bytes_per_s() {
  if (g_best_bytes_per_s == 0) {
    const TriadArrays t(kStreamElements);
    for (int rep = 0; rep < 5; ++rep) {
      record_stream_bandwidth(t.bytes() / fenced_seconds([&] { t.run(); }));
    }
  }
  return g_best_bytes_per_s;
}

}  // namespace kctm::bench
