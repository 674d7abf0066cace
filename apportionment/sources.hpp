#pragma once
// The sources of source apportionment: every place mass enters the model is an "origin" — a
// sector's emissions inside one of Hengyang's county-level units, the neighbours' emissions
// (regional), vegetation (biogenic), a user's inventory, the lateral inflow of the background
// (boundary, with a boundary file's profiles) and of chemistry.regional_inflow
// (regional_inflow), and the initial state — and each origin belongs to exactly one source. Sources
// are named groups of origins from config; origins no source names go to "other", and an origin two
// sources name is an error (no double counting where groups overlap).
//
// Source syntax (source_apportionment.sources): "name = origin, origin; name = ...", where an
// origin is SECTOR@UNIT for local emissions (* for any sector or unit), or regional,
// regional_inflow, biogenic, user, boundary, initial. "" is the default set: one source per
// sector (crossed with the units when by_county is on) — or user, for a user's inventory —
// then regional (regional and regional_inflow), background (boundary and biogenic) and initial.
#include <string>
#include <vector>

#include "config/run_config.hpp"

namespace kctm {

/// The plan's categories a source's contribution is reported in (FACTS.md: local 68.4 %,
/// regional transport 16.6 %, background 15.0 %, section 二.(一).2).
enum class SourceCategory { Local, Regional, Background, Initial, Mixed };
const char* category_name(SourceCategory c);

struct SourceSet {
  std::vector<std::string> names;
  std::vector<SourceCategory> categories;
  std::vector<double> factors;  ///< per source [1]
  /// Source of each origin: local[sector][unit + 1] (slot 0: cells outside every unit).
  std::vector<std::vector<int>> local;
  int regional = -1, regional_inflow = -1, biogenic = -1, user = -1, boundary = -1, initial = -1;

  int size() const { return static_cast<int>(names.size()); }
  /// The source of a sector's local emissions in a cell of `unit` (−1: outside every unit).
  int local_source(int sector, int unit) const { return local.at(sector).at(unit + 1); }
  /// The source that takes mass no tag explains: the background's (boundary), else the last.
  int fallback() const { return boundary >= 0 ? boundary : size() - 1; }
};

/// Builds the sources from `config` for the inventory's sectors and the mask's units (with a
/// user's inventory in place of the built-in one when `user_inventory`); throws
/// kctm::Error naming the key and the item on bad syntax, an unknown sector, unit or origin, an
/// overlap, or a factor for an unknown source.
SourceSet build_source_set(const SourceApportionmentConfig& config,
                           const std::vector<std::string>& sectors,
                           const std::vector<std::string>& units, bool user_inventory);

}  // namespace kctm
