#pragma once
// `kctm emissions --write FILE`: the annual emissions of every sector and pollutant on the grid, as
// NetCDF for maps (scripts/plot_emissions.py draws them).
#include <string>

#include "config/run_config.hpp"

namespace kctm {

/// Writes E_<pollutant>(sector, y, x) [t yr-1 per cell, all layers; Hengyang's inventory and its
/// neighbours' regional emissions], lon/lat (y, x) and the sector
/// names (attribute `sectors`) to `path`, through `path.partial` renamed when complete.
void write_emission_maps(const RunConfig& config, const std::string& path);

}  // namespace kctm
