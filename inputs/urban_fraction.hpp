#pragma once
// How much of each column is town: the share of the cell where people live at least as densely as
// in an "urban centre" of the Degree of Urbanisation, 1500 per km² (European Commission et al.
// 2021, "Applying the Degree of Urbanisation", the method the UN Statistical Commission endorsed
// in 2020; its further condition, 50 000 people in the centre, every county seat here meets). The
// density is read on about 1 km sub-cells, the grid of that definition, with the people spread as
// the emissions spread them (emissions/surrogates.hpp): kSeatShare of each county-level unit in
// its seat's core, the rest evenly over the unit. The boundary layer's night-time mixing floor
// rises with it (meteo/climatology_meteo.hpp, meteo/wrf_meteo.hpp).
#include <vector>

#include "emissions/sources.hpp"
#include "state/domain.hpp"

namespace kctm {

constexpr double kUrbanCentreDensity_per_km2 = 1500.0;

/// The urban share [0–1] of each interior column (j, i) of `d`'s block.
std::vector<double> urban_fraction(const Domain& d, const std::vector<CountyStats>& counties);

}  // namespace kctm
