#include "state/model_species.hpp"

#include <string>

#include "chemistry/species.hpp"

namespace kctm {

void add_model_species(FieldRegistry& registry) {
  for (const chem::SpeciesEntry& s : chem::kSpecies) {
    registry.add_species({std::string(s.name), std::string(s.long_name),
                          s.phase == chem::SpeciesPhase::Gas ? Phase::Gas : Phase::Aerosol,
                          s.molar_mass_g_mol});
  }
}

}  // namespace kctm
