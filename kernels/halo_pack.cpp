#include "kernels/halo_pack.hpp"

namespace kctm {

void pack_box(View4D<const double> q, const HaloBox& box, View1D<double> buffer) {
  const int nf = static_cast<int>(q.extent(0)), nz = static_cast<int>(q.extent(1));
  const HaloBox b = box;
  Kokkos::parallel_for(
      "kctm::pack_box", Policy4D({0, 0, 0, 0}, {nf, nz, b.nj, b.ni}),
      KOKKOS_LAMBDA(int f, int k, int j, int i) {
        buffer(((static_cast<std::size_t>(f) * nz + k) * b.nj + j) * b.ni + i) =
            q(f, k, b.j0 + j, b.i0 + i);
      });
}

void unpack_box(View1D<const double> buffer, const HaloBox& box, View4D<double> q) {
  const int nf = static_cast<int>(q.extent(0)), nz = static_cast<int>(q.extent(1));
  const HaloBox b = box;
  Kokkos::parallel_for(
      "kctm::unpack_box", Policy4D({0, 0, 0, 0}, {nf, nz, b.nj, b.ni}),
      KOKKOS_LAMBDA(int f, int k, int j, int i) {
        q(f, k, b.j0 + j, b.i0 + i) =
            buffer(((static_cast<std::size_t>(f) * nz + k) * b.nj + j) * b.ni + i);
      });
}

}  // namespace kctm
