#include "run/run_fields.hpp"

#include <algorithm>
#include <string>

#include "apportionment/emission_routes.hpp"
#include "apportionment/setup.hpp"
#include "inputs/emissions_setup.hpp"
#include "state/model_species.hpp"

namespace kctm {

RunFields set_up_fields(const RunConfig& c, const Domain& d, const Subdomain& block) {
  RunFields out;
  FieldRegistry& registry = out.registry;
  out.tracer = registry.add_species({c.tracer.name, "passive tracer", Phase::Tracer, 0.0});
  out.carries_species = c.chemistry.enabled || c.emissions;
  if (out.carries_species) add_model_species(registry);
  if (c.emissions) {
    out.emission_model = std::make_unique<const EmissionModel>(
        build_emission_model(d, emission_options(c)).block(block));
    const Inventory& inventory = out.emission_model->inventory();
    out.emitted = map_emitted_species(
        inventory, load_speciation(c.emissions_speciation_file, inventory), registry);
    if (!c.emissions_user_file.empty()) {
      out.user_inventory =
          std::make_unique<const UserInventory>(c.emissions_user_file, d.grid, block);
      // Refuse a file that does not cover the run before anything is written.
      for (UnixSeconds t : {c.start, c.start + 3600 * c.hours - 1}) {
        out.user_inventory->regridded(out.user_inventory->pollutants().front(), 0, t);
      }
    }
  }
  if (c.apportionment.enabled) {
    const std::vector<std::string> sectors =
        out.emission_model ? out.emission_model->inventory().sectors : std::vector<std::string>{};
    std::vector<std::string> units;
    for (const RegionUnit& u : d.mask.units) units.push_back(u.name);
    out.sources = std::make_unique<const SourceSet>(
        build_source_set(c.apportionment, sectors, units, !c.emissions_user_file.empty()));
    const SourceSet& sources = *out.sources;
    register_tags(sources, registry);
    registry.keep_tags(carried_tags(
        registry,
        brought_species(sources, out.emission_model ? &out.emitted : nullptr,
                        c.emissions && c.emissions_biogenic, maxima(c.chemistry.background),
                        maxima(c.chemistry.regional_inflow), !c.boundary_file.empty()),
        sources.fallback()));
    map_emitted_tags(out.emitted, registry);
    if (out.emission_model) {
      out.routes =
          emission_routes(sources, mask_block(d.mask, block),
                          static_cast<int>(out.emission_model->inventory().sectors.size()));
    }
  }
  BiogenicSpecies& biogenic = out.biogenic;
  if (c.emissions && c.emissions_biogenic) biogenic = map_biogenic_species(registry);
  if (biogenic.on() && out.sources) {
    const SourceSet& sources = *out.sources;
    biogenic.isoprene_tag = registry.tagged("ISOP", sources.names[sources.biogenic]);
    biogenic.monoterpene_tag = registry.tagged("TERP", sources.names[sources.biogenic]);
    biogenic.factor = sources.factors[sources.biogenic];
  }
  out.emitted_fields.assign(out.emitted.list.begin(), out.emitted.list.end());
  if (biogenic.on()) {
    out.emitted_fields.push_back(biogenic.isoprene);
    out.emitted_fields.push_back(biogenic.monoterpene);
  }
  return out;
}

std::vector<int> fields_taking_emissions(const RunFields& f) {
  std::vector<int> fields;
  auto add = [&](int field) {
    if (field >= 0) fields.push_back(field);
  };
  add(f.tracer);
  for (std::size_t e = 0; e < f.emitted.list.size(); ++e) {
    add(f.emitted.list[e].field);
    if (e < f.emitted.tags.size()) {
      for (const int tag : f.emitted.tags[e]) add(tag);
    }
  }
  if (f.biogenic.on()) {
    add(f.biogenic.isoprene.field);
    add(f.biogenic.monoterpene.field);
    add(f.biogenic.isoprene_tag);
    add(f.biogenic.monoterpene_tag);
  }
  std::sort(fields.begin(), fields.end());
  fields.erase(std::unique(fields.begin(), fields.end()), fields.end());
  return fields;
}

}  // namespace kctm
