#include "grids/region_mask.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "base/error.hpp"

namespace kctm {

std::string hengyang_unit_name(long adcode) {
  // The 12 county-level units of Hengyang (FACTS.md, section 三.(三)); adcodes as in the boundary
  // file.
  static const std::map<long, std::string> kNames = {
      {430405, "zhuhui"},     {430406, "yanfeng"},  {430407, "shigu"},
      {430408, "zhengxiang"}, {430412, "nanyue"},   {430421, "hengyang_county"},
      {430422, "hengnan"},    {430423, "hengshan"}, {430424, "hengdong"},
      {430426, "qidong"},     {430481, "leiyang"},  {430482, "changning"}};
  const auto it = kNames.find(adcode);
  return it != kNames.end() ? it->second : "unit_" + std::to_string(adcode);
}

namespace {

struct Edge {
  double x1, y1, x2, y2;
};

std::vector<Edge> projected_edges(const LambertConformal& proj, const GeoRegion& region) {
  std::vector<Edge> edges;
  for (const Ring& ring : region.rings) {
    const std::size_t n = ring.lon_deg.size();
    std::vector<ProjXY> pts(n);
    for (std::size_t v = 0; v < n; ++v) pts[v] = proj.forward({ring.lon_deg[v], ring.lat_deg[v]});
    for (std::size_t v = 0; v < n; ++v) {
      const ProjXY a = pts[v],
                   b = pts[(v + 1) % n];  // closes an open ring; a closed one adds a null edge
      if (a.y_m != b.y_m) edges.push_back({a.x_m, a.y_m, b.x_m, b.y_m});
    }
  }
  return edges;
}

// Adds, for every sample of every sample row, 1 to counts[cell] when the sample is inside `edges`.
void fill_samples(const std::vector<Edge>& edges, double x_left, double y_bottom, double h,
                  int cols, int rows, int s, int nx, std::vector<int>& counts) {
  std::vector<double> crossings;
  for (int row = 0; row < rows; ++row) {
    const double ys = y_bottom + (row + 0.5) * h;
    crossings.clear();
    for (const Edge& e : edges) {
      // half-open in y so a vertex on the scan line is counted once
      if ((e.y1 <= ys && ys < e.y2) || (e.y2 <= ys && ys < e.y1)) {
        crossings.push_back(e.x1 + (ys - e.y1) * (e.x2 - e.x1) / (e.y2 - e.y1));
      }
    }
    std::sort(crossings.begin(), crossings.end());
    for (std::size_t c = 0; c + 1 < crossings.size(); c += 2) {
      const int m_lo = std::max(0, static_cast<int>(std::ceil((crossings[c] - x_left) / h - 0.5)));
      const int m_hi =
          std::min(cols, static_cast<int>(std::ceil((crossings[c + 1] - x_left) / h - 0.5)));
      for (int m = m_lo; m < m_hi; ++m) ++counts[static_cast<std::size_t>(row / s) * nx + m / s];
    }
  }
}

}  // namespace

RegionMask rasterise_regions(const GlobalGrid& grid, const Subdomain& sub,
                             const std::vector<GeoRegion>& regions, int subsamples) {
  if (subsamples < 1) throw Error("grid.mask.subsamples", "must be at least 1");
  const int s = subsamples;
  const std::size_t ncell = static_cast<std::size_t>(sub.nx) * sub.ny;
  const double h = grid.dx_m() / s;
  const double x_left = grid.x0_m() + sub.i0 * grid.dx_m();
  const double y_bottom = grid.y0_m() + sub.j0 * grid.dy_m();

  RegionMask mask{sub.nx, sub.ny, {}, std::vector<int>(ncell, -1), std::vector<double>(ncell, 0.0),
                  true};
  std::vector<std::vector<int>> counts;
  for (const GeoRegion& region : regions) {
    mask.units.push_back({hengyang_unit_name(region.adcode), region.name, region.adcode});
    counts.emplace_back(ncell, 0);
    fill_samples(projected_edges(grid.projection(), region), x_left, y_bottom, h, sub.nx * s,
                 sub.ny * s, s, sub.nx, counts.back());
  }
  const int per_cell = s * s;
  for (std::size_t c = 0; c < ncell; ++c) {
    int total = 0, best = -1, best_count = 0;
    for (std::size_t u = 0; u < counts.size(); ++u) {
      total += counts[u][c];
      if (counts[u][c] > best_count) best = static_cast<int>(u), best_count = counts[u][c];
    }
    mask.unit_fraction[c] = std::min(1.0, static_cast<double>(total) / per_cell);
    if (2 * total >= per_cell) mask.unit_of_cell[c] = best;
  }
  return mask;
}

RegionMask mask_block(const RegionMask& whole, const Subdomain& b) {
  RegionMask out = whole;
  out.nx = b.nx;
  out.ny = b.ny;
  out.unit_of_cell = block_part(whole.unit_of_cell, b);
  out.unit_fraction = block_part(whole.unit_fraction, b);
  return out;
}

RegionMask core_box_mask(const GlobalGrid& grid, const Subdomain& sub, const LonLatBox& core) {
  const std::size_t ncell = static_cast<std::size_t>(sub.nx) * sub.ny;
  RegionMask mask{sub.nx,
                  sub.ny,
                  {{"core_box", "core box", -1}},
                  std::vector<int>(ncell, -1),
                  std::vector<double>(ncell, 0.0),
                  false};
  for (int j = 0; j < sub.ny; ++j) {
    for (int i = 0; i < sub.nx; ++i) {
      const LonLat ll =
          grid.projection().inverse({grid.x_center_m(sub.i0 + i), grid.y_center_m(sub.j0 + j)});
      if (ll.lon_deg >= core.lon_min && ll.lon_deg <= core.lon_max && ll.lat_deg >= core.lat_min &&
          ll.lat_deg <= core.lat_max) {
        const std::size_t c = static_cast<std::size_t>(j) * sub.nx + i;
        mask.unit_of_cell[c] = 0;
        mask.unit_fraction[c] = 1.0;
      }
    }
  }
  return mask;
}

}  // namespace kctm
