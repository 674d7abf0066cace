// Backs the state layout choice (kernels/kokkos_types.hpp): fields as (field, k, j, i) with i
// contiguous ("field-major") against (k, j, i, field) with the field contiguous ("field-minor"), on
// the two access patterns a CTM step has: sweeps along a grid direction (advection) and work that
// couples all fields of one cell (chemistry). Size: 20 fields on the 3 km grid (118 × 111 × 21).
#include "bench_support.hpp"

namespace kctm::bench {

namespace {
constexpr int kFields = 20, kNz = 21, kNy = 111, kNx = 118;
constexpr double kCells = double(kFields) * kNz * kNy * kNx;  // field-cells per call
constexpr double kBytes = 2 * 8 * kCells;  // each value read once and written once (8 B each)

using FieldMinorView = Kokkos::View<double****, Layout, MemSpace>;  // (k, j, i, field)

template <class ViewT>
ViewT filled(ViewT v) {
  Kokkos::deep_copy(v, 1.0);
  return v;
}
}  // namespace

// x-sweep: out = q − c (q − q[i−1]), the shape of an upwind flux update.
static void BM_Layout_XSweep_FieldMajor(benchmark::State& state) {
  const auto q = filled(View4D<double>("q", kFields, kNz, kNy, kNx));
  const View4D<double> out("out", kFields, kNz, kNy, kNx);
  run_kernel(state, kCells, kBytes, [&] {
    Kokkos::parallel_for(
        Policy4D({0, 0, 0, 1}, {kFields, kNz, kNy, kNx}),
        KOKKOS_LAMBDA(int n, int k, int j, int i) {
          out(n, k, j, i) = q(n, k, j, i) - 0.3 * (q(n, k, j, i) - q(n, k, j, i - 1));
        });
  });
}
BENCHMARK(BM_Layout_XSweep_FieldMajor)->UseManualTime()->Unit(benchmark::kMillisecond);

static void BM_Layout_XSweep_FieldMinor(benchmark::State& state) {
  const auto q = filled(FieldMinorView("q", kNz, kNy, kNx, kFields));
  const FieldMinorView out("out", kNz, kNy, kNx, kFields);
  run_kernel(state, kCells, kBytes, [&] {
    Kokkos::parallel_for(
        Policy4D({0, 0, 1, 0}, {kNz, kNy, kNx, kFields}),
        KOKKOS_LAMBDA(int k, int j, int i, int n) {
          out(k, j, i, n) = q(k, j, i, n) - 0.3 * (q(k, j, i, n) - q(k, j, i - 1, n));
        });
  });
}
BENCHMARK(BM_Layout_XSweep_FieldMinor)->UseManualTime()->Unit(benchmark::kMillisecond);

// Cell-local: every field of a cell relaxes towards the cell's mean, in place (chemistry's
// pattern).
static void BM_Layout_CellLocal_FieldMajor(benchmark::State& state) {
  const auto q = filled(View4D<double>("q", kFields, kNz, kNy, kNx));
  run_kernel(state, kCells, kBytes, [&] {
    Kokkos::parallel_for(
        Policy3D({0, 0, 0}, {kNz, kNy, kNx}), KOKKOS_LAMBDA(int k, int j, int i) {
          double mean = 0;
          for (int n = 0; n < kFields; ++n) mean += q(n, k, j, i);
          mean /= kFields;
          for (int n = 0; n < kFields; ++n) q(n, k, j, i) += 0.1 * (mean - q(n, k, j, i));
        });
  });
}
BENCHMARK(BM_Layout_CellLocal_FieldMajor)->UseManualTime()->Unit(benchmark::kMillisecond);

static void BM_Layout_CellLocal_FieldMinor(benchmark::State& state) {
  const auto q = filled(FieldMinorView("q", kNz, kNy, kNx, kFields));
  run_kernel(state, kCells, kBytes, [&] {
    Kokkos::parallel_for(
        Policy3D({0, 0, 0}, {kNz, kNy, kNx}), KOKKOS_LAMBDA(int k, int j, int i) {
          double mean = 0;
          for (int n = 0; n < kFields; ++n) mean += q(k, j, i, n);
          mean /= kFields;
          for (int n = 0; n < kFields; ++n) q(k, j, i, n) += 0.1 * (mean - q(k, j, i, n));
        });
  });
}
BENCHMARK(BM_Layout_CellLocal_FieldMinor)->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace kctm::bench
