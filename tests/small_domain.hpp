#pragma once
// A small grid around Hengyang's core box (7 x 7 columns of 10 km, 2 layers) for the tests that
// write and read day files.
#include "base/constants.hpp"
#include "grids/global_grid.hpp"
#include "grids/grid_geometry.hpp"
#include "grids/region_mask.hpp"
#include "grids/subdomain.hpp"

namespace kctm::test {

struct SmallDomain {
  GlobalGrid grid = GlobalGrid::from_spec({{25.0, 29.0, 26.8, 112.41, constants::kWrfEarthRadius},
                                           {112.0, 112.5, 26.5, 27.0},
                                           0.0,
                                           10e3,
                                           {0, 50, 200}});
  Subdomain sub = whole_domain(grid, 1);
  GridGeometry geometry = compute_geometry(grid, sub);
  RegionMask mask = core_box_mask(grid, sub, {112.0, 112.5, 26.5, 27.0});
};

}  // namespace kctm::test
