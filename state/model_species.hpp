#pragma once
// Registers the chemistry's species (chemistry/species.hpp) as the state's bulk fields.
#include "state/field_registry.hpp"

namespace kctm {

/// Adds every chem::kSpecies entry to `registry`, in order, with its phase and molar mass.
void add_model_species(FieldRegistry& registry);

}  // namespace kctm
