#include "apportionment/sources.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "base/error.hpp"
#include "base/spelling.hpp"
#include "emissions/scale_rules.hpp"

namespace kctm {

namespace {

std::string trimmed(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\n"), b = s.find_last_not_of(" \t\n");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> items;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, separator);) {
    if (!trimmed(item).empty()) items.push_back(trimmed(item));
  }
  return items;
}

const std::vector<std::string> kOrigins = {"regional", "regional_inflow", "biogenic",
                                           "user",     "boundary",        "initial"};

/// One source's definition, "name = origin, origin".
struct Definition {
  std::string name;
  std::vector<std::string> origins;
};

std::vector<Definition> default_definitions(const std::vector<std::string>& sectors,
                                            const std::vector<std::string>& units, bool by_county,
                                            bool user_inventory) {
  std::vector<Definition> d;
  for (const std::string& s : user_inventory ? std::vector<std::string>() : sectors) {
    if (!by_county) {
      d.push_back({s, {s + "@*"}});
      continue;
    }
    for (const std::string& u : units) d.push_back({s + ":" + u, {s + "@" + u}});
  }
  if (user_inventory) {
    d.push_back({"user", {"user"}});
    d.push_back({"regional", {"regional_inflow"}});
  } else {
    d.push_back({"regional", {"regional", "regional_inflow"}});
  }
  d.push_back({"background", {"boundary", "biogenic"}});
  d.push_back({"initial", {"initial"}});
  return d;
}

std::vector<Definition> parse_definitions(const std::string& text, const std::string& where) {
  std::vector<Definition> d;
  for (const std::string& item : split(text, ';')) {
    const auto eq = item.find('=');
    const std::string name = eq == std::string::npos ? "" : trimmed(item.substr(0, eq));
    if (name.empty() || name.find_first_of("@ ,") != std::string::npos) {
      throw Error(where, "source '" + item + "' is not name = origin, origin",
                  "e.g. leiyang_power = stationary_combustion@leiyang");
    }
    Definition def{name, split(item.substr(eq + 1), ',')};
    if (def.origins.empty()) throw Error(where, "source '" + name + "' names no origin");
    d.push_back(def);
  }
  return d;
}

}  // namespace

const char* category_name(SourceCategory c) {
  switch (c) {
    case SourceCategory::Local: return "local";
    case SourceCategory::Regional: return "regional";
    case SourceCategory::Background: return "background";
    case SourceCategory::Initial: return "initial";
    case SourceCategory::Mixed: return "mixed";
  }
  return "mixed";
}

SourceSet build_source_set(const SourceApportionmentConfig& config,
                           const std::vector<std::string>& sectors,
                           const std::vector<std::string>& units, bool user_inventory) {
  const std::string& where = config.sources_where;
  const std::vector<Definition> defs =
      trimmed(config.sources).empty()
          ? default_definitions(sectors, units, config.by_county, user_inventory)
          : parse_definitions(config.sources, where);
  SourceSet set;
  set.local.assign(sectors.size(), std::vector<int>(units.size() + 1, -1));
  std::vector<std::string> origin_names(kOrigins);
  std::vector<int*> origin_slots = {&set.regional, &set.regional_inflow, &set.biogenic,
                                    &set.user,     &set.boundary,        &set.initial};
  std::vector<std::vector<SourceCategory>> kinds;  // per source, the categories of its origins
  auto claim = [&](int& slot, const std::string& origin) {
    const int source = set.size() - 1;
    if (slot >= 0 && slot != source) {
      throw Error(
          where,
          "sources '" + set.names[slot] + "' and '" + set.names[source] + "' both take " + origin,
          "each origin belongs to one source");
    }
    slot = source;
  };
  for (const Definition& def : defs) {
    if (std::find(set.names.begin(), set.names.end(), def.name) != set.names.end()) {
      throw Error(where, "source '" + def.name + "' is defined twice");
    }
    set.names.push_back(def.name);
    kinds.emplace_back();
    for (const std::string& origin : def.origins) {
      const auto at = origin.find('@');
      if (at == std::string::npos) {
        const auto o = std::find(kOrigins.begin(), kOrigins.end(), origin);
        if (o == kOrigins.end()) {
          std::vector<std::string> hints = kOrigins;
          for (const std::string& s : sectors) hints.push_back(s + "@*");
          throw Error(where, "source '" + def.name + "': unknown origin '" + origin + "'",
                      did_you_mean(origin, hints));
        }
        claim(*origin_slots[o - kOrigins.begin()], origin);
        kinds.back().push_back(*o == "regional" || *o == "regional_inflow"
                                   ? SourceCategory::Regional
                               : *o == "initial" ? SourceCategory::Initial
                               : *o == "user"    ? SourceCategory::Local
                                                 : SourceCategory::Background);
        continue;
      }
      const std::string sector = origin.substr(0, at), unit = origin.substr(at + 1);
      const auto s = std::find(sectors.begin(), sectors.end(), sector);
      const auto u = std::find(units.begin(), units.end(), unit);
      if (sector != "*" && s == sectors.end()) {
        throw Error(where, "source '" + def.name + "': unknown sector '" + sector + "'",
                    did_you_mean(sector, sectors));
      }
      if (unit != "*" && u == units.end()) {
        throw Error(where, "source '" + def.name + "': unknown county-level unit '" + unit + "'",
                    did_you_mean(unit, units));
      }
      for (std::size_t si = 0; si < sectors.size(); ++si) {
        if (sector != "*" && sectors[si] != sector) continue;
        for (std::size_t slot = 0; slot <= units.size(); ++slot) {
          // Slot 0 (outside every unit) belongs to the sector's "@*" source only.
          if (unit != "*" && (slot == 0 || units[slot - 1] != unit)) continue;
          claim(set.local[si][slot], sectors[si] + "@" + (slot ? units[slot - 1] : "outside"));
        }
      }
      kinds.back().push_back(SourceCategory::Local);
    }
  }
  // Origins nobody named go to "other", so the tags always add up to the bulk. A user's
  // inventory replaces the built-in one's sectors and neighbours.
  bool unclaimed = set.biogenic < 0 || set.boundary < 0 || set.initial < 0 ||
                   set.regional_inflow < 0 || (user_inventory ? set.user < 0 : set.regional < 0);
  for (const auto& row : set.local) {
    unclaimed = unclaimed || (!user_inventory && std::count(row.begin(), row.end(), -1) > 0);
  }
  if (unclaimed) {
    set.names.push_back("other");
    kinds.push_back({SourceCategory::Mixed});
    for (int* slot : origin_slots) *slot = *slot < 0 ? set.size() - 1 : *slot;
    for (auto& row : set.local) std::replace(row.begin(), row.end(), -1, set.size() - 1);
  }
  for (const auto& k : kinds) {
    const bool one = std::all_of(k.begin(), k.end(), [&](SourceCategory c) { return c == k[0]; });
    set.categories.push_back(one ? k[0] : SourceCategory::Mixed);
  }

  set.factors.assign(set.names.size(), 1.0);
  for (const std::string& item : split(config.factors, ',')) {
    const auto eq = item.find('=');
    const std::string name = eq == std::string::npos ? item : trimmed(item.substr(0, eq));
    const auto s = std::find(set.names.begin(), set.names.end(), name);
    if (s == set.names.end()) {
      throw Error(config.factors_where, "unknown source '" + name + "'",
                  did_you_mean(name, set.names));
    }
    const std::optional<double> f =
        parse_factor(eq == std::string::npos ? "" : trimmed(item.substr(eq + 1)));
    if (!f) {
      throw Error(config.factors_where, "'" + item +
                                            "' is not source=factor with a factor from 0 to " +
                                            std::to_string(static_cast<int>(kMaxFactor)));
    }
    set.factors[s - set.names.begin()] = *f;
  }
  return set;
}

}  // namespace kctm
