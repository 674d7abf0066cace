#include "state/chemistry_fields.hpp"

#include <algorithm>

#include "base/constants.hpp"
#include "chemistry/species.hpp"

namespace kctm {

namespace {
constexpr double kAirMolarMass = 1e3 * constants::kMolarMassDryAir;  // [g mol-1]
constexpr double kBackgroundAirDensity = 1.2;
}  // namespace

std::vector<int> species_fields(const FieldRegistry& registry) {
  std::vector<int> fields;
  for (const chem::SpeciesEntry& s : chem::kSpecies) {
    fields.push_back(registry.find_species(std::string(s.name)));
  }
  return fields;
}

std::vector<double> species_mixing_ratios(const std::vector<double>& per_species,
                                          const FieldRegistry& registry) {
  std::vector<double> q(registry.n_fields(), 0.0);
  const std::vector<int> fields = species_fields(registry);
  for (std::size_t s = 0; s < chem::kSpecies.size(); ++s) {
    if (fields[s] < 0 || per_species.empty()) continue;
    const chem::SpeciesEntry& e = chem::kSpecies[s];
    q[fields[s]] = e.phase == chem::SpeciesPhase::Gas
                       ? per_species[s] * 1e-9 * e.molar_mass_g_mol / kAirMolarMass
                       : per_species[s] * 1e-9 / kBackgroundAirDensity;
  }
  return q;
}

BoundaryFileSpecies boundary_file_species(const FieldRegistry& registry) {
  BoundaryFileSpecies out;
  const std::vector<int> fields = species_fields(registry);
  for (std::size_t s = 0; s < chem::kSpecies.size(); ++s) {
    if (fields[s] < 0) continue;
    const chem::SpeciesEntry& e = chem::kSpecies[s];
    const bool gas = e.phase == chem::SpeciesPhase::Gas;
    out.species.push_back(
        {std::string(e.name), gas ? "ppb" : "ug m-3",
         gas ? 1e-9 * e.molar_mass_g_mol / kAirMolarMass : 1e-9 / kBackgroundAirDensity, false});
    out.fields.push_back(fields[s]);
  }
  return out;
}

std::vector<OutputQuantity> chemistry_outputs(const FieldRegistry& registry) {
  std::vector<std::pair<std::string, std::vector<std::string>>> groups = {
      {"O3", {"O3"}},     {"NO", {"NO"}},
      {"NO2", {"NO2"}},   {"SO2", {"SO2"}},
      {"CO", {"CO"}},     {"NH3", {"NH3"}},
      {"HNO3", {"HNO3"}}, {"HONO", {"HONO"}},
      {"PAN", {"PAN"}},   {"H2O2", {"H2O2"}},
      {"HCHO", {"HCHO"}}, {"ISOP", {"ISOP"}},
      {"SULF", {"SULF"}}, {"NIT", {"NIT"}},
      {"NH4", {"NH4"}},   {"SOA", {"SOA1", "SOA2", "SOA3", "SOA4", "SOANV"}},
      {"PEC", {"PEC"}},   {"POA", {"POA"}},
      {"POTH", {"POTH"}}, {"PMC", {"PMC"}},
  };
  const std::vector<std::string> fine(chem::kFineAerosols.begin(), chem::kFineAerosols.end());
  std::vector<std::string> pm10 = fine;
  pm10.push_back("PMC");
  groups.insert(groups.end() - 1, {"PM25", fine});
  groups.push_back({"PM10", pm10});
  const std::vector<std::pair<std::string, std::string>> long_names = {
      {"SOA", "secondary organic aerosol"},
      {"PM25", "PM2.5 (sulfate, nitrate, ammonium, SOA and primary fine particles)"},
      {"PM10", "PM10 (PM2.5 and coarse particles)"}};
  std::vector<OutputQuantity> out;
  for (const auto& [name, members] : groups) {
    OutputQuantity o{{name, "", "ug m-3"}, {}};
    for (const std::string& m : members) o.fields.push_back(registry.find_species(m));
    if (std::find(o.fields.begin(), o.fields.end(), -1) != o.fields.end()) continue;
    const int s = chem::species_index(name);
    o.variable.long_name = s >= 0 ? std::string(chem::kSpecies[s].long_name) : name;
    for (const auto& [n, l] : long_names) {
      if (n == name) o.variable.long_name = l;
    }
    o.variable.long_name += " concentration";
    out.push_back(o);
  }
  return out;
}

double element_kg(Element element, const FieldRegistry& registry,
                  const std::vector<double>& field_kg) {
  const double atom_g_mol = element == Element::Nitrogen ? 14.0067 : 32.065;
  const std::vector<int> fields = species_fields(registry);
  double kg = 0;
  for (std::size_t s = 0; s < chem::kSpecies.size(); ++s) {
    const chem::SpeciesEntry& e = chem::kSpecies[s];
    const int atoms = element == Element::Nitrogen ? e.n_atoms : e.s_atoms;
    if (fields[s] < 0 || atoms == 0) continue;
    kg += field_kg[fields[s]] * atoms * atom_g_mol / e.molar_mass_g_mol;
  }
  return kg;
}

}  // namespace kctm
