#include "state/model_species.hpp"

#include <algorithm>
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

std::vector<int> staying_fields(const FieldRegistry& registry) {
  std::vector<int> staying;
  for (int f = 0; f < registry.n_fields(); ++f) {
    const std::string species = registry.field_name(registry.bulk_field(f));
    if (std::find(chem::kCellBoundRadicals.begin(), chem::kCellBoundRadicals.end(), species) !=
        chem::kCellBoundRadicals.end()) {
      staying.push_back(f);
    }
  }
  return staying;
}

}  // namespace kctm
