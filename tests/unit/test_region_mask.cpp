#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iostream>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "grids/grid_geometry.hpp"
#include "grids/region_mask.hpp"
#include "test_support.hpp"

namespace kctm {

namespace {
DomainSpec spec(double dx_km) {
  return {{25.0, 29.0, 26.8, 112.41, constants::kWrfEarthRadius},
          {111.54, 113.28, 26.10, 27.47},
          90e3,
          dx_km * 1e3,
          {0, 50, 200}};
}

// Fraction-weighted and cell-counted area of the mask [m2].
std::pair<double, double> mask_areas(const RegionMask& m, const GridGeometry& g, int halo) {
  double weighted = 0, counted = 0;
  for (int j = 0; j < m.ny; ++j) {
    for (int i = 0; i < m.nx; ++i) {
      const std::size_t c = static_cast<std::size_t>(j) * m.nx + i;
      const double a = g.cell_area_m2[g.at(i + halo, j + halo)];
      weighted += m.unit_fraction[c] * a;
      if (m.unit_of_cell[c] >= 0) counted += a;
    }
  }
  return {weighted, counted};
}

// A square in projection coordinates with a square hole, as lon/lat rings.
GeoRegion square_with_hole(const LambertConformal& p, double half_m, double hole_half_m) {
  GeoRegion r{"square", 430405, {}};
  for (double half : {half_m, hole_half_m}) {
    Ring ring;
    for (auto [sx, sy] : {std::pair{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}) {
      const LonLat ll = p.inverse({sx * half + 1234.0, sy * half - 777.0});
      ring.lon_deg.push_back(ll.lon_deg);
      ring.lat_deg.push_back(ll.lat_deg);
    }
    r.rings.push_back(ring);
  }
  return r;
}
}  // namespace

TEST(RegionMask, RasterisedSquareWithHoleHasItsArea) {
  const GlobalGrid grid = GlobalGrid::from_spec(spec(3.0));
  const Subdomain sub = whole_domain(grid, 0);
  const GeoRegion sq = square_with_hole(grid.projection(), 40e3, 10e3);
  const RegionMask m = rasterise_regions(grid, sub, {sq}, 8);
  ASSERT_EQ(m.units.size(), 1u);
  EXPECT_EQ(m.units[0].name, "zhuhui");
  // Projected area (80 km)² − (20 km)², sampled at 375 m: edges cost at most one sample row/column.
  double plane_area = 0;
  int cells = 0;
  for (std::size_t c = 0; c < m.unit_fraction.size(); ++c) {
    plane_area += m.unit_fraction[c] * grid.dx_m() * grid.dy_m();
    cells += m.unit_of_cell[c] == 0;
  }
  const double exact = 80e3 * 80e3 - 20e3 * 20e3;
  EXPECT_NEAR(plane_area / exact, 1.0, 4 * (80e3 + 20e3) * 375.0 / exact);
  EXPECT_NEAR(cells * grid.dx_m() * grid.dy_m() / exact, 1.0, 0.03);
  // The hole's centre is outside.
  int i = 0, j = 0;
  ASSERT_TRUE(grid.locate(grid.projection().inverse({1234.0, -777.0}), i, j));
  EXPECT_EQ(m.unit_of_cell[static_cast<std::size_t>(j) * m.nx + i], -1);
}

TEST(RegionMask, CoreBoxFallbackIsOneUnit) {
  const GlobalGrid grid = GlobalGrid::from_spec(spec(9.0));
  const Subdomain sub = whole_domain(grid, 0);
  const RegionMask m = core_box_mask(grid, sub, {111.54, 113.28, 26.10, 27.47});
  EXPECT_FALSE(m.from_boundary_file);
  ASSERT_EQ(m.units.size(), 1u);
  int inside = 0;
  for (int u : m.unit_of_cell) inside += u == 0;
  // 1.74° × 1.37° at 26.8 °N is about 26,500 km²; 9 km cells.
  EXPECT_NEAR(inside * 81.0, 26500.0, 1500.0);
}

TEST(RegionMask, HengyangCountiesAt1kmMatchThePolygonArea) {
  const std::string path = test::shared_data("boundary-hengyang/hengyang_430400_counties.geojson");
  if (path.empty()) GTEST_SKIP() << "../shared/data/boundary-hengyang is absent: skipping";
  const GlobalGrid grid = GlobalGrid::from_spec(spec(1.0));
  const Subdomain sub = whole_domain(grid, 0);
  const RegionMask m = rasterise_regions(grid, sub, read_geojson_regions(path), 4);
  ASSERT_EQ(m.units.size(), 12u);
  const auto [weighted, counted] = mask_areas(m, compute_geometry(grid, sub), 0);
  // The outline's own spherical area is 15,334 km² (boundary-hengyang/SOURCE.md).
  std::cout << "Hengyang mask at 1 km: " << weighted / 1e6 << " km2 (fraction-weighted), "
            << counted / 1e6 << " km2 (whole cells); polygon 15334 km2\n";
  EXPECT_NEAR(weighted / 15334e6, 1.0, 0.02);
  EXPECT_NEAR(counted / 15334e6, 1.0, 0.02);
  // The city centre (FACTS.md: 26.89 N, 112.57 E) lies in one of the urban districts.
  int i = 0, j = 0;
  ASSERT_TRUE(grid.locate({112.57, 26.89}, i, j));
  const int u = m.unit_of_cell[static_cast<std::size_t>(j) * m.nx + i];
  ASSERT_GE(u, 0);
  EXPECT_TRUE(m.units[u].adcode >= 430405 && m.units[u].adcode <= 430408) << m.units[u].name;
}

TEST(GeoJson, BadFilesNameTheFileAndTheProblem) {
  const std::string dir = test::temp_dir("geojson");
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name) << text;
    return dir + "/" + name;
  };
  auto message = [](const std::string& path) {
    try {
      read_geojson_regions(path);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(
      message(dir + "/missing.geojson").find(dir + "/missing.geojson: GeoJSON file not found"),
      std::string::npos);
  EXPECT_NE(message(write("bad.json", "{not json")).find("not valid JSON"), std::string::npos);
  EXPECT_NE(message(write("fc.json", R"({"type":"Feature"})")).find("FeatureCollection"),
            std::string::npos);
  const std::string point =
      write("pt.json", R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
      "geometry":{"type":"Point","coordinates":[112,26]}}]})");
  EXPECT_NE(message(point).find("features[0]"), std::string::npos);
  EXPECT_NE(message(point).find("Point"), std::string::npos);
}

}  // namespace kctm
