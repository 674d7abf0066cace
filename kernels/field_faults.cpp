#include "kernels/field_faults.hpp"

#include <climits>

namespace kctm {

FieldFault first_fault(View4D<const double> q, int halo, bool negatives, double tolerance) {
  const int nf = static_cast<int>(q.extent(0)), nz = static_cast<int>(q.extent(1));
  const int ny = static_cast<int>(q.extent(2)) - 2 * halo;
  const int nx = static_cast<int>(q.extent(3)) - 2 * halo;
  const long none = LONG_MAX;
  long first = none;
  Kokkos::parallel_reduce(
      "kctm::first_fault", Policy4D({0, 0, 0, 0}, {nf, nz, ny, nx}),
      KOKKOS_LAMBDA(int f, int k, int j, int i, long& at) {
        const double v = q(f, k, j + halo, i + halo);
        if (!math::isfinite(v) || (negatives && v < -tolerance)) {
          const long n = ((static_cast<long>(f) * nz + k) * ny + j) * nx + i;
          if (n < at) at = n;
        }
      },
      Kokkos::Min<long>(first));
  FieldFault fault;
  if (first == none) return fault;
  fault.i = static_cast<int>(first % nx);
  fault.j = static_cast<int>(first / nx % ny);
  fault.k = static_cast<int>(first / nx / ny % nz);
  fault.field = static_cast<int>(first / nx / ny / nz);
  double value = 0;
  Kokkos::deep_copy(value,
                    Kokkos::subview(q, fault.field, fault.k, fault.j + halo, fault.i + halo));
  fault.value = value;
  return fault;
}

}  // namespace kctm
