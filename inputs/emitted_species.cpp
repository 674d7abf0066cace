#include "inputs/emitted_species.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "chemistry/species.hpp"

namespace kctm {

EmittedSpecies map_emitted_species(const Inventory& inv, const Speciation& speciation,
                                   const FieldRegistry& registry) {
  EmittedSpecies out;
  out.pollutants = inv.pollutants;
  std::vector<SpeciesSplit> unsectored =
      inventory_weighted_splits(speciation, inv, out.dropped_share);
  // The species any split names, in chem::kSpecies order.
  std::vector<int> slot(chem::kSpecies.size(), -1);
  auto mark = [&](const std::vector<SpeciesSplit>& splits) {
    for (const SpeciesSplit& x : splits) slot[chem::species_index(x.species)] = 0;
  };
  for (const std::vector<SpeciesSplit>& splits : speciation.by_sector) mark(splits);
  mark(unsectored);
  for (std::size_t s = 0; s < chem::kSpecies.size(); ++s) {
    if (slot[s] < 0) continue;
    slot[s] = static_cast<int>(out.list.size());
    const std::string name(chem::kSpecies[s].name);
    out.list.push_back({name, std::string(chem::kSpecies[s].long_name), registry.species(name)});
  }
  auto terms = [&](const std::vector<SpeciesSplit>& splits) {
    std::vector<EmittedSpecies::Term> t;
    for (const SpeciesSplit& x : splits) {
      t.push_back({x.pollutant, x.minus_pollutant, slot[chem::species_index(x.species)], x.factor});
    }
    return t;
  };
  for (const std::vector<SpeciesSplit>& splits : speciation.by_sector) {
    out.by_sector.push_back(terms(splits));
  }
  out.unsectored = terms(unsectored);
  for (std::size_t p = 0; p < inv.pollutants.size(); ++p) {
    if (out.dropped_share[p] > 0) {
      spdlog::info("speciation: {:.1f} % of the inventory's {} is unreactive (NR) and not emitted",
                   100 * out.dropped_share[p], inv.pollutants[p]);
    }
  }
  return out;
}

void hourly_user_tonnes(const UserInventory& user, const std::vector<std::string>& pollutants,
                        UnixSeconds t, std::vector<double>& tonnes) {
  std::fill(tonnes.begin(), tonnes.end(), 0.0);
  const std::size_t per_pollutant = tonnes.size() / pollutants.size();
  constexpr double kKgPerSecond_to_tonnes_per_hour = 3600.0 / 1000.0;
  for (std::size_t p = 0; p < pollutants.size(); ++p) {
    const auto& names = user.pollutants();
    if (std::find(names.begin(), names.end(), pollutants[p]) == names.end()) continue;
    double* ground = tonnes.data() + p * per_pollutant;  // layer 0 of pollutant p
    for (std::size_t s = 0; s < user.sectors().size(); ++s) {
      const std::vector<double> r = user.regridded(pollutants[p], static_cast<int>(s), t);
      for (std::size_t c = 0; c < r.size(); ++c)
        ground[c] += r[c] * kKgPerSecond_to_tonnes_per_hour;
    }
  }
}

void map_emitted_tags(EmittedSpecies& species, const FieldRegistry& registry) {
  species.tags.clear();
  for (const EmittedField& f : species.list) {
    std::vector<int> fields;
    for (int t = 0; t < registry.n_tag_kinds(); ++t) {
      if (!registry.tags(t, f.field)) continue;
      for (int s = 0; s < registry.n_sources(); ++s) fields.push_back(registry.tag_field(t, s));
      break;  // the first kind of the species (O3B for O3) takes what is emitted
    }
    species.tags.push_back(fields);
  }
}

BiogenicSpecies map_biogenic_species(const FieldRegistry& registry) {
  BiogenicSpecies b;
  b.isoprene = {"ISOP", "biogenic isoprene", registry.species("ISOP")};
  b.monoterpene = {"TERP", "biogenic monoterpenes", registry.species("TERP")};
  return b;
}

}  // namespace kctm
