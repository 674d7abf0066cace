#pragma once
// The run's emission model: the built-in Hengyang 2018 inventory, profiles and point sources on
// the run's domain (Beijing local time for the profiles).
#include "emissions/emission_model.hpp"
#include "state/domain.hpp"

namespace kctm {

/// With the run's scenario factors and regional emissions (none by default), and the plan's
/// industrial parks (or others, or none).
EmissionModel build_emission_model(
    const Domain& domain, const EmissionOptions& options = {},
    const std::vector<IndustrialPark>& parks = hengyang_industrial_parks());

/// The emission options of a run's configuration.
EmissionOptions emission_options(const RunConfig& config);

/// Interior cell areas (j, i) of the domain [m2].
std::vector<double> interior_cell_areas(const Domain& domain);

}  // namespace kctm
