#pragma once
// The run's grid, this rank's block of it, its geometry and its Hengyang mask.
#include "config/run_config.hpp"
#include "grids/global_grid.hpp"
#include "grids/grid_geometry.hpp"
#include "grids/region_mask.hpp"
#include "grids/subdomain.hpp"

namespace kctm {

struct Domain {
  GlobalGrid grid;
  Subdomain sub;
  GridGeometry geometry;
  RegionMask mask;
};

/// Builds the domain of `config` as one block with `halo` cells. Without the boundary file the mask
/// is the core box as one unit (with a warning), unless the user named the file: then it must
/// exist.
Domain build_domain(const RunConfig& config, int halo);

}  // namespace kctm
