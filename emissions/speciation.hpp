#pragma once
// How an inventory's pollutants become the chemistry's model species (chemistry/species.hpp),
// sector by sector: NOx (as NO2 mass) into NO, NO2 and HONO by molar shares, VOC into the lumped
// classes plus a dropped unreactive rest (NR), PM2.5 into its components, the coarse part
// PM10 − PM2.5 into PMC, SO2, NH3 and CO as themselves; intermediate-volatility organics (IVOC)
// emitted beside the primary organic aerosol, in proportion to it. The built-in table is
// emissions/data/speciation.yaml (its header gives the layout and the sources).
#include <string>
#include <vector>

#include "emissions/inventory.hpp"

namespace kctm {

/// One model species' share of one pollutant.
struct SpeciesSplit {
  int pollutant;             ///< inventory pollutant it takes
  int minus_pollutant = -1;  ///< one it is the remainder of (PMC from PM10 − PM2.5), or −1
  std::string species;       ///< a chem::kSpecies name
  double factor;             ///< [kg of species per kg of pollutant]
};

struct Speciation {
  std::string source;  ///< where the profiles come from
  /// Per inventory sector (inventory order), the species each pollutant goes to.
  std::vector<std::vector<SpeciesSplit>> by_sector;
  /// Per sector and pollutant (sector, pollutant): the mass share not emitted (VOC's NR) [1].
  std::vector<std::vector<double>> dropped;
};

/// Parses a speciation table (layout as the built-in one) for the sectors and pollutants of
/// `inventory`; errors name `where` and the key. Refuses fractions outside [0, 1], splits not
/// adding up to 1 within kSplitSumTolerance, unknown species, sectors or pollutants, the
/// biogenic-only species ISOP and TERP, and sectors without a split for a pollutant they emit.
Speciation parse_speciation(const std::string& yaml_text, const std::string& where,
                            const Inventory& inventory);

/// The table in `path`, or the built-in one when `path` is "".
Speciation load_speciation(const std::string& path, const Inventory& inventory);

/// Largest IVOC emitted per kg of primary organic aerosol (`ivoc_per_poa`): twice the top of the
/// 1–3 range published for Chinese sources.
constexpr double kMaxIvocPerPoa = 6.0;

/// How far a split's fractions may miss 1 (rounding in hand-written tables).
constexpr double kSplitSumTolerance = 1e-6;

/// One profile for emissions without sectors (a user's inventory): each pollutant's splits
/// averaged over the sectors weighted by the inventory's annual emissions of that pollutant, so
/// that speciating the inventory's total gives what speciating it sector by sector does.
/// `dropped` gets each pollutant's weighted dropped share.
std::vector<SpeciesSplit> inventory_weighted_splits(const Speciation& speciation,
                                                    const Inventory& inventory,
                                                    std::vector<double>& dropped);

/// Mass of a species' split expressed as mass of its pollutant [kg pollutant per kg species]:
/// NO2 / NO for NO and NO2 / HONO for HONO from NOx (inventoried as NO2), 0 for IVOC from PM2.5
/// (emitted beside it), 1 otherwise.
double pollutant_mass_per_species_mass(const std::string& pollutant, const std::string& species);

}  // namespace kctm
