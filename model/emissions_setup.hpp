#pragma once
// The run's emission model: the built-in Hengyang 2018 inventory, profiles and point sources on
// the run's domain (Beijing local time for the profiles).
#include "emissions/emission_model.hpp"
#include "model/domain.hpp"

namespace kctm {

/// `scale`: the run's scenario factors (emissions.scale), none by default.
EmissionModel build_emission_model(const Domain& domain, const std::vector<ScaleRule>& scale = {},
                                   const std::string& scale_where = "emissions.scale");

/// Interior cell areas (j, i) of the domain [m2].
std::vector<double> interior_cell_areas(const Domain& domain);

}  // namespace kctm
