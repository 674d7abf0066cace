#pragma once
// Registers the chemistry's species (chemistry/species.hpp) as the state's bulk fields.
#include <vector>

#include "state/field_registry.hpp"

namespace kctm {

/// Adds every chem::kSpecies entry to `registry`, in order, with its phase and molar mass.
void add_model_species(FieldRegistry& registry);

/// The fields transport leaves in their cells, in increasing order: the short-lived radicals of
/// chem::kCellBoundRadicals (and any tag of them). Their lifetimes (docs/TRANSPORT.md, "What
/// transport moves") are below a few seconds by day and below a quarter of an hour at night,
/// against a step of minutes and a cell crossed in a quarter of an hour or more: the chemistry sets
/// them from the cell's own air each step, as GEOS-Chem does not advect OH and its peroxy radicals.
std::vector<int> staying_fields(const FieldRegistry& registry);

}  // namespace kctm
