#pragma once
// The model species of kctm's chemistry (mechanism KCTM-C1, chemistry/mechanism.cpp): names,
// phases, molar masses and the nitrogen and sulfur atoms each carries. Every field is carried as a
// mass mixing ratio [kg kg-1]; the chemistry converts to number densities per cell. The emissions
// (emissions/speciation) and the output name species from this table only.
#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace kctm::chem {

enum class SpeciesPhase { Gas, Aerosol };

struct SpeciesEntry {
  std::string_view name, long_name;
  SpeciesPhase phase;
  double molar_mass_g_mol;  ///< of the molecule, or of the lumped class's representative
  int n_atoms, s_atoms;     ///< nitrogen and sulfur atoms per molecule
};

// Representative molecules of the lumped classes: ALK n-butane, OLE propene, ARO toluene, ALD
// acetaldehyde, TERP alpha-pinene, IVOC n-pentadecane (C15H32, the C* 1e3-1e6 ug m-3 organics of
// Robinson et al. 2007), RNO3 a C4 alkyl nitrate, RO2 methyl peroxy, ARO2 the toluene
// OH-adduct peroxy radical, C2O3 acetyl peroxy. Semi-volatile SOA products: molar mass 150
// (anthropogenic) and 180 (biogenic) as CAMx SOAP2.2 (shared/science/REFERENCES.md).
inline constexpr std::array<SpeciesEntry, 42> kSpecies = {{
    {"O3", "ozone", SpeciesPhase::Gas, 48.00, 0, 0},
    {"NO", "nitric oxide", SpeciesPhase::Gas, 30.01, 1, 0},
    {"NO2", "nitrogen dioxide", SpeciesPhase::Gas, 46.01, 1, 0},
    {"NO3", "nitrate radical", SpeciesPhase::Gas, 62.00, 1, 0},
    {"N2O5", "dinitrogen pentoxide", SpeciesPhase::Gas, 108.01, 2, 0},
    {"HNO3", "nitric acid", SpeciesPhase::Gas, 63.01, 1, 0},
    {"PAN", "peroxyacetyl nitrate", SpeciesPhase::Gas, 121.05, 1, 0},
    {"RNO3", "organic nitrates", SpeciesPhase::Gas, 119.12, 1, 0},
    {"HONO", "nitrous acid", SpeciesPhase::Gas, 47.01, 1, 0},
    {"OH", "hydroxyl radical", SpeciesPhase::Gas, 17.01, 0, 0},
    {"HO2", "hydroperoxyl radical", SpeciesPhase::Gas, 33.01, 0, 0},
    {"RO2", "organic peroxy radicals", SpeciesPhase::Gas, 47.03, 0, 0},
    {"ARO2", "aromatic peroxy radicals", SpeciesPhase::Gas, 141.14, 0, 0},
    {"C2O3", "acetyl peroxy radical", SpeciesPhase::Gas, 75.04, 0, 0},
    {"H2O2", "hydrogen peroxide", SpeciesPhase::Gas, 34.01, 0, 0},
    {"CO", "carbon monoxide", SpeciesPhase::Gas, 28.01, 0, 0},
    {"HCHO", "formaldehyde", SpeciesPhase::Gas, 30.03, 0, 0},
    {"ALD", "higher aldehydes and ketones", SpeciesPhase::Gas, 44.05, 0, 0},
    {"ALK", "alkanes (lumped)", SpeciesPhase::Gas, 58.12, 0, 0},
    {"OLE", "alkenes (lumped)", SpeciesPhase::Gas, 42.08, 0, 0},
    {"ARO", "aromatics (lumped)", SpeciesPhase::Gas, 92.14, 0, 0},
    {"ISOP", "isoprene", SpeciesPhase::Gas, 68.12, 0, 0},
    {"TERP", "monoterpenes", SpeciesPhase::Gas, 136.23, 0, 0},
    {"IVOC", "intermediate-volatility organics", SpeciesPhase::Gas, 212.0, 0, 0},
    {"SO2", "sulfur dioxide", SpeciesPhase::Gas, 64.07, 0, 1},
    {"NH3", "ammonia", SpeciesPhase::Gas, 17.03, 1, 0},
    {"CG1", "anthropogenic SOA precursor, C* 14 ug m-3 (gas)", SpeciesPhase::Gas, 150.0, 0, 0},
    {"CG2", "anthropogenic SOA precursor, C* 0.31 ug m-3 (gas)", SpeciesPhase::Gas, 150.0, 0, 0},
    {"CG3", "biogenic SOA precursor, C* 26 ug m-3 (gas)", SpeciesPhase::Gas, 180.0, 0, 0},
    {"CG4", "biogenic SOA precursor, C* 0.45 ug m-3 (gas)", SpeciesPhase::Gas, 180.0, 0, 0},
    {"SULF", "sulfate aerosol", SpeciesPhase::Aerosol, 96.06, 0, 1},
    {"NIT", "nitrate aerosol", SpeciesPhase::Aerosol, 62.00, 1, 0},
    {"NH4", "ammonium aerosol", SpeciesPhase::Aerosol, 18.04, 1, 0},
    {"SOA1", "anthropogenic SOA, C* 14 ug m-3", SpeciesPhase::Aerosol, 150.0, 0, 0},
    {"SOA2", "anthropogenic SOA, C* 0.31 ug m-3", SpeciesPhase::Aerosol, 150.0, 0, 0},
    {"SOA3", "biogenic SOA, C* 26 ug m-3", SpeciesPhase::Aerosol, 180.0, 0, 0},
    {"SOA4", "biogenic SOA, C* 0.45 ug m-3", SpeciesPhase::Aerosol, 180.0, 0, 0},
    {"SOANV", "non-volatile SOA", SpeciesPhase::Aerosol, 165.0, 0, 0},
    {"PEC", "primary elemental carbon", SpeciesPhase::Aerosol, 12.01, 0, 0},
    {"POA", "primary organic aerosol (organic matter)", SpeciesPhase::Aerosol, 220.0, 0, 0},
    {"POTH", "other primary PM2.5", SpeciesPhase::Aerosol, 100.0, 0, 0},
    {"PMC", "coarse particulate matter (PM10 - PM2.5)", SpeciesPhase::Aerosol, 100.0, 0, 0},
}};

/// Short-lived radicals, in steady state with the long-lived species within a fraction of a second:
/// their error follows the others', so the solver controls it at a looser relative tolerance
/// (SolverControl::radical_rtol_factor).
inline constexpr std::array<std::string_view, 6> kFastRadicals = {"OH",   "HO2",  "RO2",
                                                                  "ARO2", "C2O3", "NO3"};

/// The radicals transport leaves in their cells (state/model_species.hpp, staying_fields): the
/// fast ones but NO3, whose nitrogen lives on at night in N2O5, with which it exchanges within
/// seconds, for minutes to hours (docs/TRANSPORT.md, "What transport moves").
inline constexpr std::array<std::string_view, 5> kCellBoundRadicals = {"OH", "HO2", "RO2", "ARO2",
                                                                       "C2O3"};

/// The fine-aerosol species: PM2.5 is their sum (PM10 adds PMC).
inline constexpr std::array<std::string_view, 11> kFineAerosols = {
    "SULF", "NIT", "NH4", "SOA1", "SOA2", "SOA3", "SOA4", "SOANV", "PEC", "POA", "POTH"};

/// Every species name, for "did you mean" hints.
inline std::vector<std::string> species_names() {
  std::vector<std::string> names;
  for (const SpeciesEntry& s : kSpecies) names.emplace_back(s.name);
  return names;
}

/// Index of `name` in kSpecies, or -1.
constexpr int species_index(std::string_view name) {
  for (std::size_t s = 0; s < kSpecies.size(); ++s) {
    if (kSpecies[s].name == name) return static_cast<int>(s);
  }
  return -1;
}

}  // namespace kctm::chem
