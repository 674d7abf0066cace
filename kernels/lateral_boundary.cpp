#include "kernels/lateral_boundary.hpp"

namespace kctm {

void apply_lateral_boundary(const DeviceGeometry& geo, const DeviceMeteo& met,
                            View2D<const double> q_bc, View4D<double> q, View3D<double> air) {
  const auto rho = met.rho_kg_m3;
  const int h = geo.halo, nxh = geo.nx + 2 * h, nyh = geo.ny + 2 * h;
  const int nx = geo.nx, ny = geo.ny;
  const bool w = geo.at_west, e = geo.at_east, s = geo.at_south, nb = geo.at_north;
  Kokkos::parallel_for(
      "kctm::apply_lateral_boundary",
      Policy4D({0, 0, 0, 0}, {static_cast<int>(q.extent(0)), geo.nz, nyh, nxh}),
      KOKKOS_LAMBDA(int n, int k, int j, int i) {
        const bool beyond =
            (w && i < h) || (e && i >= h + nx) || (s && j < h) || (nb && j >= h + ny);
        if (beyond) {
          q(n, k, j, i) = q_bc(n, k);
          if (n == 0) air(k, j, i) = rho(k, j, i);
        }
      });
}

}  // namespace kctm
