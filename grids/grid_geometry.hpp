#pragma once
// Host arrays of a subdomain's horizontal geometry, over the haloed extent, row-major (j, i).
#include <vector>

#include "grids/subdomain.hpp"

namespace kctm {

struct GridGeometry {
  int nx, ny;                        ///< haloed extent [cells]
  std::vector<double> x_m, y_m;      ///< projection coordinates of cell centres [m]
  std::vector<double> lon_deg;       ///< cell-centre longitude (j, i) [deg E]
  std::vector<double> lat_deg;       ///< cell-centre latitude (j, i) [deg N]
  std::vector<double> map_factor;    ///< projection scale factor at the centre (j, i) [1]
  std::vector<double> cell_area_m2;  ///< true (spherical) area, dx dy / k² (j, i) [m2]
  /// True length of the x-faces of the interior, (j, i_face): ny × (nx + 1), face f between
  /// interior cells f − 1 and f; projected length over the mean k of the two cells [m].
  std::vector<double> x_face_len_m;
  /// True length of the y-faces of the interior, (j_face, i): (ny + 1) × nx [m].
  std::vector<double> y_face_len_m;

  std::size_t at(int i, int j) const { return static_cast<std::size_t>(j) * nx + i; }
};

/// Geometry of `sub` (halo included) on `grid`.
GridGeometry compute_geometry(const GlobalGrid& grid, const Subdomain& sub);

}  // namespace kctm
