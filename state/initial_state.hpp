#pragma once
// The state at a run's start: every field at its background value, the tracer in its initial
// shape.
#include <vector>

#include "config/run_config.hpp"
#include "grids/global_grid.hpp"
#include "grids/grid_geometry.hpp"
#include "grids/subdomain.hpp"
#include "state/state.hpp"

namespace kctm {

/// Every field of `state` at `background[field]` (mixing ratios [kg kg-1]).
void set_background(const std::vector<double>& background, State& state);

/// The shape `initial` (state/initial_shapes.hpp) in `field`'s interior cells, every layer, of
/// block `b` of `grid` (none: left as it is).
void set_initial_tracer(const InitialShapeConfig& initial, const GlobalGrid& grid,
                        const Subdomain& b, const GridGeometry& geometry, State& state, int field);

}  // namespace kctm
