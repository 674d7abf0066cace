#pragma once
// The machine's sustainable memory bandwidth, measured in the same run as the kernels (a STREAM
// triad written with Kokkos, McCalpin 1995), so every kernel's bytes/s is also a fraction of it.
#include "kernels/kokkos_types.hpp"

namespace kctm::bench {

/// Arrays this large (3 × 256 MiB) defeat every cache level.
constexpr long kStreamElements = 1L << 25;

/// The three triad arrays, b = 1 and c = 2.
struct TriadArrays {
  View1D<double> a, b, c;
  explicit TriadArrays(long n);
  /// One pass a = b + 3 c; bytes moved: 3 × 8 × n (two reads, one write; no write-allocate
  /// counted).
  void run() const;
  double bytes() const { return 3.0 * sizeof(double) * static_cast<double>(a.extent(0)); }
};

/// The best triad bandwidth measured so far in this run; measures it on first use [B s-1].
double stream_bandwidth_bytes_per_s();

/// Records a triad measurement (BM_StreamTriad feeds its best here).
void record_stream_bandwidth(double bytes_per_s);

}  // namespace kctm::bench
