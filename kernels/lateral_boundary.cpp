#include "kernels/lateral_boundary.hpp"

namespace kctm {

void apply_lateral_boundary(const DeviceGeometry& geo, const DeviceMeteo& met,
                            View2D<const double> q_bc, View4D<double> q, View3D<double> air) {
  const auto rho = met.rho_kg_m3;
  const int h = geo.halo, nxh = geo.nx + 2 * h;
  const int nx = geo.nx, ny = geo.ny;
  const bool w = geo.at_west, e = geo.at_east, s = geo.at_south, nb = geo.at_north;
  // Only the halo's ring is visited: its h rows below and above the block (whole haloed width),
  // then per inner row its h cells west and east. The interior is never touched.
  const int rows = h * nxh, ring = 2 * rows + 2 * h * ny;
  Kokkos::parallel_for(
      "kctm::apply_lateral_boundary",
      Policy3D({0, 0, 0}, {static_cast<int>(q.extent(0)), geo.nz, ring}),
      KOKKOS_LAMBDA(int n, int k, int r) {
        int j, i;
        if (r < 2 * rows) {
          const int row = r / nxh;
          j = row < h ? row : ny + row;
          i = r % nxh;
        } else {
          const int side = (r - 2 * rows) % (2 * h);
          j = h + (r - 2 * rows) / (2 * h);
          i = side < h ? side : nx + side;
        }
        const bool beyond =
            (w && i < h) || (e && i >= h + nx) || (s && j < h) || (nb && j >= h + ny);
        if (beyond) {
          q(n, k, j, i) = q_bc(n, k);
          if (n == 0) air(k, j, i) = rho(k, j, i);
        }
      });
}

}  // namespace kctm
