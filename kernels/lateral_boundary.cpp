#include "kernels/lateral_boundary.hpp"

#include "kernels/team_simd.hpp"

namespace kctm {

void apply_lateral_boundary(const DeviceGeometry& geo, const DeviceMeteo& met,
                            View2D<const double> q_bc, const FieldList& fields, View4D<double> q,
                            View3D<double> air) {
  const auto rho = met.rho_kg_m3;
  const int h = geo.halo, nxh = geo.nx + 2 * h, nz = geo.nz;
  const int nx = geo.nx, ny = geo.ny;
  const bool w = geo.at_west, e = geo.at_east, s = geo.at_south, nb = geo.at_north;
  // Only the halo's ring is visited, a team per field and level: its h rows below and h above the
  // block (whole haloed width), then per inner row its h cells west and h east. The interior is
  // never touched.
  Kokkos::parallel_for(
      "kctm::apply_lateral_boundary", team_policy(static_cast<int>(fields.extent(0)) * nz),
      KOKKOS_LAMBDA(const TeamMember& team) {
        const int n = team.league_rank() / nz, k = team.league_rank() % nz, f = fields(n);
        const double outside = q_bc(f, k);
        auto fill = [=](int j, int i) {
          q(f, k, j, i) = outside;
          if (n == 0) air(k, j, i) = rho(k, j, i);
        };
        each_row_lane(team, 0, 2 * h, nxh, [=](int r, int i) {
          if ((s && r < h) || (nb && r >= h) || (w && i < h) || (e && i >= h + nx)) {
            fill(r < h ? r : ny + r, i);
          }
        });
        each_row_lane(team, h, h + ny, 2 * h, [=](int j, int c) {
          if ((w && c < h) || (e && c >= h)) fill(j, c < h ? c : nx + c);
        });
      });
}

}  // namespace kctm
