#include "grids/grid_geometry.hpp"

#include <algorithm>

namespace kctm {

GridGeometry compute_geometry(const GlobalGrid& grid, const Subdomain& sub) {
  GridGeometry g;
  g.nx = sub.nx_with_halo();
  g.ny = sub.ny_with_halo();
  const std::size_t n = static_cast<std::size_t>(g.nx) * g.ny;
  g.lon_deg.resize(n), g.lat_deg.resize(n), g.map_factor.resize(n), g.cell_area_m2.resize(n);
  for (int i = 0; i < g.nx; ++i) g.x_m.push_back(grid.x_center_m(sub.global_i(i)));
  for (int j = 0; j < g.ny; ++j) g.y_m.push_back(grid.y_center_m(sub.global_j(j)));
  for (int j = 0; j < g.ny; ++j) {
    for (int i = 0; i < g.nx; ++i) {
      const LonLat ll = grid.projection().inverse({g.x_m[i], g.y_m[j]});
      const double k = grid.projection().scale_factor(ll.lat_deg);
      const std::size_t c = g.at(i, j);
      g.lon_deg[c] = ll.lon_deg;
      g.lat_deg[c] = ll.lat_deg;
      g.map_factor[c] = k;
      g.cell_area_m2[c] = grid.dx_m() * grid.dy_m() / (k * k);
    }
  }
  const int h = sub.halo, nx = sub.nx, ny = sub.ny;
  // A face's map factor is the mean of its two cells'; the outer faces of a block without a halo
  // have one cell, whose factor they take (reading past the arrays crashed halo-less tests).
  auto factor = [&](int i, int j) {
    return g.map_factor[g.at(std::clamp(i, 0, g.nx - 1), std::clamp(j, 0, g.ny - 1))];
  };
  for (int j = 0; j < ny; ++j) {
    for (int f = 0; f <= nx; ++f) {
      const double k = 0.5 * (factor(f + h - 1, j + h) + factor(f + h, j + h));
      g.x_face_len_m.push_back(grid.dy_m() / k);
    }
  }
  for (int f = 0; f <= ny; ++f) {
    for (int i = 0; i < nx; ++i) {
      const double k = 0.5 * (factor(i + h, f + h - 1) + factor(i + h, f + h));
      g.y_face_len_m.push_back(grid.dx_m() / k);
    }
  }
  return g;
}

}  // namespace kctm
