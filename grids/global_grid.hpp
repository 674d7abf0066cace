#pragma once
// The global model grid: a regular mesh on a Lambert conformal projection plus vertical levels.
// Geometry only: it knows nothing of species or physics.
#include <memory>
#include <vector>

#include "grids/projection.hpp"
#include "grids/vertical_levels.hpp"

namespace kctm {

/// A lon/lat box [deg].
struct LonLatBox {
  double lon_min, lon_max, lat_min, lat_max;
};

/// What the user chooses: projection, a core box that must lie inside the domain, a buffer ring
/// around it, the horizontal resolution and the levels.
struct DomainSpec {
  LambertParams projection;
  LonLatBox core;
  double buffer_m;  ///< width of the ring around the core box [m]
  double dx_m;      ///< cell size in x and y on the projection plane [m]
  std::vector<double> level_interfaces_m;
};

class GlobalGrid {
 public:
  GlobalGrid(std::shared_ptr<const LambertConformal> projection, int nx, int ny, double dx_m,
             double dy_m, double x0_m, double y0_m, VerticalLevels levels);

  /// The smallest whole-cell grid, centred on the core box, that covers the core box plus the
  /// buffer.
  static GlobalGrid from_spec(const DomainSpec& spec);

  int nx() const { return nx_; }
  int ny() const { return ny_; }
  int nz() const { return levels_.nz(); }
  double dx_m() const { return dx_m_; }
  double dy_m() const { return dy_m_; }
  /// Projection coordinates of the south-west corner of cell (0, 0) [m].
  double x0_m() const { return x0_m_; }
  double y0_m() const { return y0_m_; }
  double x_center_m(int i) const { return x0_m_ + (i + 0.5) * dx_m_; }
  double y_center_m(int j) const { return y0_m_ + (j + 0.5) * dy_m_; }
  const LambertConformal& projection() const { return *projection_; }
  const VerticalLevels& levels() const { return levels_; }
  /// Global cell (i, j) holding a lon/lat point; false when it is outside the grid.
  bool locate(LonLat ll, int& i, int& j) const;

 private:
  std::shared_ptr<const LambertConformal> projection_;
  int nx_, ny_;
  double dx_m_, dy_m_, x0_m_, y0_m_;
  VerticalLevels levels_;
};

}  // namespace kctm
