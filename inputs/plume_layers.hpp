#pragma once
// Where the named point sources' plumes end up this hour: the layer of the stack top plus the
// Briggs rise (emissions/plume_rise.hpp) in the meteorology of the hour at the stack.
#include <vector>

#include "emissions/emission_model.hpp"
#include "grids/vertical_levels.hpp"
#include "meteo/meteo_snapshot.hpp"

namespace kctm {

/// The layer of each of model.point_emissions(); the stack top's where the meteorology carries no
/// temperatures (the placeholder and analytic flows).
std::vector<int> plume_layers(const EmissionModel& model, const MeteoSnapshot& met,
                              const VerticalLevels& levels);

}  // namespace kctm
