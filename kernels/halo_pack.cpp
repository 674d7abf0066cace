#include "kernels/halo_pack.hpp"

namespace kctm {

void copy_box(View4D<double> q, const HaloBox& box, View1D<double> buffer, BoxCopy direction) {
  const int nf = static_cast<int>(q.extent(0)), nz = static_cast<int>(q.extent(1));
  const HaloBox b = box;
  const bool pack = direction == BoxCopy::kPack;
  Kokkos::parallel_for(
      "kctm::copy_box", Policy4D({0, 0, 0, 0}, {nf, nz, b.nj, b.ni}),
      KOKKOS_LAMBDA(int f, int k, int j, int i) {
        double& cell = q(f, k, b.j0 + j, b.i0 + i);
        double& flat = buffer(((static_cast<std::size_t>(f) * nz + k) * b.nj + j) * b.ni + i);
        if (pack) {
          flat = cell;
        } else {
          cell = flat;
        }
      });
}

}  // namespace kctm
