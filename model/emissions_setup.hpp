#pragma once
// The run's emission model: the built-in Hengyang 2018 inventory, profiles and point sources on
// the run's domain (Beijing local time for the profiles).
#include "emissions/emission_model.hpp"
#include "model/domain.hpp"

namespace kctm {

EmissionModel build_emission_model(const Domain& domain);

/// Interior cell areas (j, i) of the domain [m2].
std::vector<double> interior_cell_areas(const Domain& domain);

}  // namespace kctm
