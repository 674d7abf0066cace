#include "apportionment/setup.hpp"

#include <algorithm>

#include "base/error.hpp"
#include "chemistry/species.hpp"
#include "chemistry/tag_families.hpp"
#include "state/chemistry_fields.hpp"

namespace kctm {

void register_tags(const SourceSet& sources, FieldRegistry& registry) {
  for (const std::string& name : sources.names) registry.add_source(name);
  for (const chem::TagKind& k : chem::tag_kinds()) {
    registry.tag_species(std::string(k.species), std::string(k.kind));
  }
}

std::vector<std::set<std::string>> brought_species(const SourceSet& sources,
                                                   const EmittedSpecies* emitted, bool biogenic,
                                                   const std::vector<double>& background,
                                                   const std::vector<double>& regional_inflow,
                                                   bool boundary_file) {
  std::vector<std::set<std::string>> brought(sources.size());
  auto bring = [&](int source, const std::string& species) {
    if (source >= 0) brought[source].insert(species);
  };
  if (emitted) {
    auto bring_terms = [&](int source, const std::vector<EmittedSpecies::Term>& terms) {
      for (const EmittedSpecies::Term& term : terms)
        bring(source, emitted->list[term.species].name);
    };
    for (std::size_t sector = 0; sector < emitted->by_sector.size(); ++sector) {
      for (const int source : sources.local.at(sector))
        bring_terms(source, emitted->by_sector[sector]);
      bring_terms(sources.regional, emitted->by_sector[sector]);
    }
    bring_terms(sources.user, emitted->unsectored);
  }
  if (biogenic) {
    bring(sources.biogenic, "ISOP");
    bring(sources.biogenic, "TERP");
  }
  for (std::size_t s = 0; s < chem::kSpecies.size(); ++s) {
    const std::string name(chem::kSpecies[s].name);
    if (background.at(s) > 0 || boundary_file) bring(sources.boundary, name);
    if (background.at(s) > 0) bring(sources.initial, name);
    if (regional_inflow.at(s) > 0) bring(sources.regional_inflow, name);
  }
  return brought;
}

std::vector<std::vector<bool>> carried_tags(const FieldRegistry& registry,
                                            const std::vector<std::set<std::string>>& brought,
                                            int fallback_source) {
  const std::vector<chem::TagFamily> families = chem::tag_families();
  auto has_any = [](const std::set<std::string>& set, const std::vector<chem::TagMember>& group) {
    return std::any_of(group.begin(), group.end(), [&](const chem::TagMember& m) {
      return std::any_of(m.species.begin(), m.species.end(),
                         [&](std::string_view s) { return set.count(std::string(s)) > 0; });
    });
  };
  auto add_all = [](std::set<std::string>& set, const std::vector<chem::TagMember>& group) {
    for (const chem::TagMember& m : group) {
      for (std::string_view s : m.species) set.insert(std::string(s));
    }
  };
  std::vector<std::vector<bool>> present(registry.n_tag_kinds(),
                                         std::vector<bool>(registry.n_sources(), false));
  for (int source = 0; source < registry.n_sources(); ++source) {
    std::set<std::string> carried = brought.at(source);
    // The family rules, to a fixed point: what the attribution can ever move mass into.
    for (std::size_t before = 0; before != carried.size();) {
      before = carried.size();
      for (const chem::TagFamily& f : families) {
        bool any_precursor = false;
        for (const auto& group : f.precursors) {
          if (has_any(carried, group)) add_all(carried, group), any_precursor = true;
        }
        if (has_any(carried, f.products)) {
          add_all(carried, f.products);
          for (const auto& group : f.precursors) {
            if (f.reversible) add_all(carried, group);
          }
        }
        if (any_precursor) add_all(carried, f.products);
      }
    }
    bool nox = false, voc = false;
    for (const chem::TagFamily& f : families) {
      if (f.name == "nitrate") nox = nox || has_any(carried, f.precursors.front());
    }
    voc = has_any(carried, chem::ozone_voc_reactivity());
    for (int t = 0; t < registry.n_tag_kinds(); ++t) {
      const std::string& kind = registry.tag_kind(t);
      const std::vector<int>& parents = registry.tag_parents(t);
      const bool brought = std::any_of(parents.begin(), parents.end(), [&](int p) {
        return carried.count(registry.field_name(p)) > 0;
      });
      present[t][source] = source == fallback_source || (kind == chem::kO3NoxLimited   ? nox
                                                         : kind == chem::kO3VocLimited ? voc
                                                                                       : brought);
    }
  }
  return present;
}

chem::TagFieldLayout tag_layout(const FieldRegistry& registry, int fallback_source) {
  chem::TagFieldLayout layout;
  layout.field_of_species = species_fields(registry);
  for (int t = 0; t < registry.n_tag_kinds(); ++t) {
    std::vector<int>& fields = layout.tag_fields[registry.tag_kind(t)];
    for (int s = 0; s < registry.n_sources(); ++s) fields.push_back(registry.tag_field(t, s));
  }
  layout.n_sources = registry.n_sources();
  layout.fallback_source = fallback_source;
  return layout;
}

namespace {
bool is_tagged(const FieldRegistry& registry, int species) {
  for (int t = 0; t < registry.n_tag_kinds(); ++t) {
    if (registry.tags(t, species)) return true;
  }
  return false;
}
}  // namespace

void add_to_source(const std::vector<double>& bulk, int source, const FieldRegistry& registry,
                   std::vector<double>& out) {
  for (int f = 0; f < registry.n_species(); ++f) {
    if (bulk[f] == 0) continue;
    const int tag = registry.first_tag_field(f, source);
    if (tag >= 0) {
      out[tag] += bulk[f];
    } else if (is_tagged(registry, f)) {
      throw Error("source " + registry.sources().at(source),
                  "cannot carry " + registry.field_name(f) + " that it brings");
    }
  }
}

std::vector<ApportionedOutput> apportioned_outputs(const FieldRegistry& registry) {
  const std::vector<OutputQuantity> quantities = chemistry_outputs(registry);
  auto bulk_of = [&](const std::string& name) {
    const auto q = std::find_if(quantities.begin(), quantities.end(),
                                [&](const OutputQuantity& o) { return o.variable.name == name; });
    return q == quantities.end() ? OutputQuantity{} : *q;
  };
  std::vector<OutputQuantity> wanted;
  for (const char* name : {"PM25", "SULF", "NIT", "NH4", "SOA"}) wanted.push_back(bulk_of(name));
  OutputQuantity primary{
      {"PRIMARY", "primary PM2.5 (elemental carbon, organic and other)", "ug m-3"}, {}};
  for (const char* name : {"PEC", "POA", "POTH"}) {
    primary.fields.push_back(registry.find_species(name));
  }
  primary.variable.long_name += " concentration";
  wanted.push_back(primary);
  for (const char* name : {"PMC", "O3"}) wanted.push_back(bulk_of(name));

  std::vector<ApportionedOutput> out;
  for (const OutputQuantity& q : wanted) {
    ApportionedOutput a{q.variable, {}, q.fields};
    a.variable.name += "_SA";
    a.variable.long_name += " by source";
    for (int t = 0; t < registry.n_tag_kinds(); ++t) {
      const std::vector<int>& parents = registry.tag_parents(t);
      if (std::any_of(parents.begin(), parents.end(),
                      [&](int p) { return std::count(q.fields.begin(), q.fields.end(), p) > 0; })) {
        a.kinds.push_back(t);
      }
    }
    out.push_back(a);
  }
  // O3's three kinds on their own: brought in, or formed NOx- or VOC-limited.
  const OutputVariable o3 = bulk_of("O3").variable;
  for (const std::string_view kind : {chem::kO3Brought, chem::kO3NoxLimited, chem::kO3VocLimited}) {
    ApportionedOutput a{
        {std::string(kind) + "_SA",
         kind == chem::kO3Brought      ? "ozone brought by the initial and inflowing air"
         : kind == chem::kO3NoxLimited ? "ozone formed under NOx-limited conditions, by source"
                                       : "ozone formed under VOC-limited conditions, by source",
         o3.units},
        {},
        {}};
    for (int t = 0; t < registry.n_tag_kinds(); ++t) {
      if (registry.tag_kind(t) == kind) a.kinds.push_back(t);
    }
    out.push_back(a);
  }
  return out;
}

std::vector<int> source_fields(const ApportionedOutput& output, int source,
                               const FieldRegistry& registry) {
  std::vector<int> fields;
  for (int t : output.kinds) {
    if (registry.tag_field(t, source) >= 0) fields.push_back(registry.tag_field(t, source));
  }
  return fields;
}

}  // namespace kctm
