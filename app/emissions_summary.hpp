#pragma once
// `kctm emissions --summary`: the inventory by pollutant and sector, the point sources it puts
// on the map, and a check that the gridded emissions of the run's year add up to it.
#include <string>

#include "config/run_config.hpp"

namespace kctm {

std::string emissions_summary(const RunConfig& config);

}  // namespace kctm
