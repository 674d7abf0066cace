#pragma once
// What the driver needs to run the chemistry on the state: the species' fields, the background
// air (initial state and inflow), the output quantities, and the nitrogen and sulfur budgets.
#include <string>
#include <vector>

#include "config/run_config.hpp"
#include "io/boundary_file.hpp"
#include "io/conc_writer.hpp"
#include "state/field_registry.hpp"

namespace kctm {

/// The state's field of every chem::kSpecies entry, −1 where it is not registered.
std::vector<int> species_fields(const FieldRegistry& registry);

/// Per-species values (kSpecies order; ppb for gases, µg m-3 for aerosols) as mass mixing ratios
/// per field [kg kg-1] (0 for other fields), aerosols for air of 1.2 kg m-3.
std::vector<double> species_mixing_ratios(const std::vector<double>& per_species,
                                          const FieldRegistry& registry);

/// What a boundary file may hold for the registered chemistry species (optional, ppb for gases,
/// µg m-3 for aerosols at 1.2 kg m-3), with their fields.
struct BoundaryFileSpecies {
  std::vector<BoundarySpecies> species;
  std::vector<int> fields;
};
BoundaryFileSpecies boundary_file_species(const FieldRegistry& registry);

/// An output variable: the concentration of one species or the sum of several [µg m-3].
struct OutputQuantity {
  OutputVariable variable;
  std::vector<int> fields;
};
/// The chemistry's outputs: the criteria pollutants and precursors, the PM2.5 components, PM2.5
/// (Σ fine aerosol), PMC and PM10. Only those whose species are all registered.
std::vector<OutputQuantity> chemistry_outputs(const FieldRegistry& registry);

/// Mass of an element (nitrogen or sulfur) in per-field masses [kg of the field] [kg N or S].
enum class Element { Nitrogen, Sulfur };
double element_kg(Element element, const FieldRegistry& registry,
                  const std::vector<double>& field_kg);

}  // namespace kctm
