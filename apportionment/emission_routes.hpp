#pragma once
// The emission routes of the sources: which source's tags take each origin's emissions, with the
// source's factor, over the mask's columns.
#include "apportionment/sources.hpp"
#include "grids/region_mask.hpp"
#include "inputs/emission_routes.hpp"

namespace kctm {

/// Routes of `sources` over `mask`'s columns for `n_sectors` inventory sectors.
EmissionRoutes emission_routes(const SourceSet& sources, const RegionMask& mask, int n_sectors);

}  // namespace kctm
