#include "grids/global_grid.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "base/error.hpp"

namespace kctm {

GlobalGrid::GlobalGrid(std::shared_ptr<const LambertConformal> projection, int nx, int ny,
                       double dx_m, double dy_m, double x0_m, double y0_m, VerticalLevels levels)
    : projection_(std::move(projection)),
      nx_(nx),
      ny_(ny),
      dx_m_(dx_m),
      dy_m_(dy_m),
      x0_m_(x0_m),
      y0_m_(y0_m),
      levels_(std::move(levels)) {}

GlobalGrid GlobalGrid::from_spec(const DomainSpec& spec) {
  if (!(spec.dx_m > 0)) {
    throw Error("grid.dx_km", "resolution must be positive",
                "got " + std::to_string(spec.dx_m / 1000.0) + " km");
  }
  if (!(spec.buffer_m >= 0)) throw Error("grid.buffer_km", "buffer must not be negative");
  const LonLatBox& b = spec.core;
  if (!(b.lon_max > b.lon_min) || !(b.lat_max > b.lat_min)) {
    throw Error("grid.core_box", "empty box", "need lon_min < lon_max and lat_min < lat_max");
  }
  auto proj = std::make_shared<const LambertConformal>(spec.projection);
  // Projected bounding box of the core box, from points along its edges (they curve on the map).
  double xmin = std::numeric_limits<double>::max(), xmax = -xmin, ymin = xmin, ymax = -xmin;
  const int samples = 64;
  for (int s = 0; s <= samples; ++s) {
    const double f = static_cast<double>(s) / samples;
    const double lon = b.lon_min + f * (b.lon_max - b.lon_min);
    const double lat = b.lat_min + f * (b.lat_max - b.lat_min);
    for (const LonLat ll : {LonLat{lon, b.lat_min}, LonLat{lon, b.lat_max}, LonLat{b.lon_min, lat},
                            LonLat{b.lon_max, lat}}) {
      const ProjXY p = proj->forward(ll);
      xmin = std::min(xmin, p.x_m), xmax = std::max(xmax, p.x_m);
      ymin = std::min(ymin, p.y_m), ymax = std::max(ymax, p.y_m);
    }
  }
  const double width = xmax - xmin + 2 * spec.buffer_m, height = ymax - ymin + 2 * spec.buffer_m;
  const double cells = std::ceil(width / spec.dx_m) * std::ceil(height / spec.dx_m);
  if (cells > 2.0e9) {
    throw Error("grid.dx_km", "resolution too fine for the domain",
                std::to_string(cells) + " columns would not fit in memory");
  }
  const int nx = static_cast<int>(std::ceil(width / spec.dx_m));
  const int ny = static_cast<int>(std::ceil(height / spec.dx_m));
  const double x0 = 0.5 * (xmin + xmax) - 0.5 * nx * spec.dx_m;
  const double y0 = 0.5 * (ymin + ymax) - 0.5 * ny * spec.dx_m;
  return GlobalGrid(std::move(proj), nx, ny, spec.dx_m, spec.dx_m, x0, y0,
                    VerticalLevels(spec.level_interfaces_m));
}

bool GlobalGrid::locate(LonLat ll, int& i, int& j) const {
  const ProjXY p = projection_->forward(ll);
  const double fi = std::floor((p.x_m - x0_m_) / dx_m_), fj = std::floor((p.y_m - y0_m_) / dy_m_);
  if (!(fi >= 0 && fi < nx_ && fj >= 0 && fj < ny_)) return false;
  i = static_cast<int>(fi);
  j = static_cast<int>(fj);
  return true;
}

}  // namespace kctm
