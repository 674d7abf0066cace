#include <gtest/gtest.h>

#include <cmath>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "grids/grid_geometry.hpp"
#include "grids/subdomain.hpp"

namespace kctm {

namespace {
using constants::kPi;

DomainSpec hengyang_spec(double dx_km) {
  return {{25.0, 29.0, 26.8, 112.41, constants::kWrfEarthRadius},
          {111.54, 113.28, 26.10, 27.47},
          90e3,
          dx_km * 1e3,
          {0,   20,   45,   80,   125,  180,  250,  340,  450,  590,  760,
           970, 1230, 1550, 1950, 2450, 3100, 3950, 5050, 6500, 8200, 10000}};
}

// Area of a lon/lat polygon on the sphere by the trapezoid line integral of
// R² ∮ (sin φ) dλ, exact in the limit of short edges [m2].
double spherical_polygon_area_m2(const std::vector<LonLat>& ring, double r) {
  double sum = 0;
  for (std::size_t v = 0; v < ring.size(); ++v) {
    const LonLat a = ring[v], b = ring[(v + 1) % ring.size()];
    sum += (b.lon_deg - a.lon_deg) * kPi / 180 * 0.5 *
           (std::sin(a.lat_deg * kPi / 180) + std::sin(b.lat_deg * kPi / 180));
  }
  return std::abs(sum) * r * r;
}
}  // namespace

TEST(GlobalGrid, CoversTheCoreBoxWithTheBuffer) {
  const GlobalGrid grid = GlobalGrid::from_spec(hengyang_spec(3.0));
  EXPECT_EQ(grid.nz(), 21);
  for (const LonLat corner : {LonLat{111.54, 26.10}, LonLat{113.28, 26.10}, LonLat{111.54, 27.47},
                              LonLat{113.28, 27.47}}) {
    const ProjXY p = grid.projection().forward(corner);
    EXPECT_GT(p.x_m - grid.x0_m(), 89e3);
    EXPECT_GT(grid.x0_m() + grid.nx() * grid.dx_m() - p.x_m, 89e3);
    EXPECT_GT(p.y_m - grid.y0_m(), 89e3);
    EXPECT_GT(grid.y0_m() + grid.ny() * grid.dy_m() - p.y_m, 89e3);
  }
  int i = -1, j = -1;
  ASSERT_TRUE(grid.locate({112.57, 26.89}, i, j));
  EXPECT_NEAR(grid.x_center_m(i), grid.projection().forward({112.57, 26.89}).x_m, 1.5e3);
  EXPECT_FALSE(grid.locate({100.0, 26.89}, i, j));
}

TEST(GlobalGrid, CellAreasSumToTheDomainArea) {
  const GlobalGrid grid = GlobalGrid::from_spec(hengyang_spec(3.0));
  const GridGeometry g = compute_geometry(grid, whole_domain(grid, 0));
  double sum = 0;
  for (double a : g.cell_area_m2) sum += a;
  // The domain outline, densely sampled on the projection plane and mapped back to the sphere.
  std::vector<LonLat> ring;
  const double x0 = grid.x0_m(), y0 = grid.y0_m();
  const double w = grid.nx() * grid.dx_m(), h = grid.ny() * grid.dy_m();
  const int n = 2000;
  for (int s = 0; s < n; ++s) ring.push_back(grid.projection().inverse({x0 + w * s / n, y0}));
  for (int s = 0; s < n; ++s) ring.push_back(grid.projection().inverse({x0 + w, y0 + h * s / n}));
  for (int s = 0; s < n; ++s)
    ring.push_back(grid.projection().inverse({x0 + w - w * s / n, y0 + h}));
  for (int s = 0; s < n; ++s) ring.push_back(grid.projection().inverse({x0, y0 + h - h * s / n}));
  const double true_area = spherical_polygon_area_m2(ring, constants::kWrfEarthRadius);
  EXPECT_NEAR(sum / true_area, 1.0, 5e-3);
  EXPECT_NEAR(sum / true_area, 1.0, 1e-4) << "midpoint map factor should be far better than 0.5 %";
  EXPECT_NEAR(sum / (w * h), 1.0, 5e-3) << "the projected (plane) area";
}

TEST(GlobalGrid, RejectsNonPositiveResolution) {
  EXPECT_THROW(GlobalGrid::from_spec(hengyang_spec(-3.0)), Error);
  EXPECT_THROW(GlobalGrid::from_spec(hengyang_spec(0.0)), Error);
}

TEST(VerticalLevels, ThicknessesAndLayerLookup) {
  const VerticalLevels lev({0, 20, 50, 100});
  EXPECT_EQ(lev.nz(), 3);
  EXPECT_DOUBLE_EQ(lev.thickness_m(1), 30);
  EXPECT_DOUBLE_EQ(lev.mid_m(2), 75);
  EXPECT_EQ(lev.layer_of_height(10), 0);
  EXPECT_EQ(lev.layer_of_height(20), 1);
  EXPECT_EQ(lev.layer_of_height(5000), 2);
  EXPECT_THROW(VerticalLevels({0, 20, 20}), Error);
  EXPECT_THROW(VerticalLevels({5, 20}), Error);
  EXPECT_THROW(VerticalLevels({0}), Error);
}

TEST(VerticalLevels, SharesOfLayersBelowAHeight) {
  const VerticalLevels lev({0, 20, 500, 1000, 1500, 4000});
  EXPECT_EQ(lev.shares_below(1200), (std::vector<double>{1, 1, 1, 0.4, 0}));
  EXPECT_EQ(lev.shares_below(0), (std::vector<double>{0, 0, 0, 0, 0}));
  EXPECT_EQ(lev.shares_below(20000), (std::vector<double>{1, 1, 1, 1, 1}));
}

TEST(Subdomain, BlockDecompositionCoversEveryCellOnce) {
  const GlobalGrid grid = GlobalGrid::from_spec(hengyang_spec(3.0));
  for (auto [px, py] : {std::pair{1, 1}, {2, 1}, {2, 2}, {3, 5}}) {
    const auto blocks = block_decomposition(grid, px, py, 3);
    ASSERT_EQ(blocks.size(), static_cast<std::size_t>(px * py));
    std::vector<int> hits(static_cast<std::size_t>(grid.nx()) * grid.ny(), 0);
    for (const Subdomain& b : blocks) {
      EXPECT_GE(b.nx, grid.nx() / px);
      EXPECT_LE(b.nx, grid.nx() / px + 1);
      for (int j = 0; j < b.ny; ++j) {
        for (int i = 0; i < b.nx; ++i) {
          ++hits[static_cast<std::size_t>(b.global_j(j + b.halo)) * grid.nx() +
                 b.global_i(i + b.halo)];
        }
      }
    }
    for (int h : hits) EXPECT_EQ(h, 1);
    EXPECT_TRUE(blocks.front().at_west() && blocks.front().at_south());
    EXPECT_TRUE(blocks.back().at_east() && blocks.back().at_north());
  }
  EXPECT_THROW(block_decomposition(grid, grid.nx(), 1, 3), Error);
}

TEST(Subdomain, AlignedBlocksStartAtMultiplesOfTheLanes) {
  const GlobalGrid grid = GlobalGrid::from_spec(hengyang_spec(3.0));  // 118 cells in x
  for (int px : {1, 2, 3, 4, 5}) {
    const auto blocks = block_decomposition(grid, px, 2, 3, 8);
    int next = 0;
    for (int bx = 0; bx < px; ++bx) {
      const Subdomain& b = blocks[bx];
      EXPECT_EQ(b.i0 % 8, 0) << px;
      EXPECT_EQ(b.i0, next) << px;
      EXPECT_LE(std::abs(b.nx - grid.nx() / px), 8) << px;
      next = b.i0 + b.nx;
    }
    EXPECT_EQ(next, grid.nx());
  }
  EXPECT_THROW(block_decomposition(grid, 16, 1, 3, 8), Error);  // 15 groups of 8 for 16 blocks
}

}  // namespace kctm
