#pragma once
// Source apportionment through the chemistry: after the bulk chemistry step each tagged family's
// change is split across the sources (CAMx PSAT/OSAT rules; chemistry/tag_families.hpp):
//  - a group that lost mass loses it from every source in proportion to its share;
//  - a product group that gained mass takes the gain from its precursors' sources, in their
//    shares before the step; a precursor group gains from its products' sources when they lost
//    (e.g. ammonium evaporating to NH3), else by its own shares;
//  - O3 gained goes to O3N in the NOx tags' shares where P(H2O2)/P(HNO3) > 0.35, else to O3V in
//    the VOC tags' OH-reactivity shares; O3 lost leaves every O3 tag alike;
//  - each member of a group then takes the group's new shares of its own bulk value, so the
//    tags of every species sum to its bulk (nitrate and HNO3 re-split by the bulk gas/particle
//    ratio, as PSAT does).
// A source that cannot carry a kind has no field for it (state/field_registry.hpp: keep_tags);
// the rules never give it any, and would pass it to the fallback source if they did.
#include <map>
#include <string>
#include <vector>

#include "chemistry/chemistry_step.hpp"
#include "chemistry/rate_laws.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::chem {

/// Most sources a run may tag (the per-cell work arrays are fixed).
constexpr int kMaxTagSources = 160;

/// Where the tags are: the state's field of each kSpecies entry (−1 if absent), each tag kind's
/// field per source (by kind name, chem::tag_kinds(); −1 where the source cannot carry it), the
/// number of sources and the source that takes mass no tagged precursor explains (it carries
/// every kind).
struct TagFieldLayout {
  std::vector<int> field_of_species;
  std::map<std::string, std::vector<int>> tag_fields;
  int n_sources = 0;
  int fallback_source = 0;
};

/// Counts of one attribution or renormalisation pass.
struct TagStats {
  long fallback_cells = 0;  ///< cells where mass appeared that no tag explained
  long rescaled_cells = 0;  ///< cells whose tags were rescaled by more than round-off (1e-12)
  double max_drift = 0;     ///< largest |Σ tags − bulk| / bulk before the rescaling
};

class TagAttribution {
 public:
  /// Throws kctm::Error if a species or tag kind lacks a field or there are too many sources.
  explicit TagAttribution(const TagFieldLayout& layout);

  /// Rescales every tagged species' tags in every interior cell to sum to its bulk (the
  /// fallback source takes a bulk no tag holds). Call after transport: monotone advection is not
  /// linear, so tags advected one by one drift from the bulk advected as a whole.
  TagStats renormalise(View4D<double> q, int halo) const;

  /// Holds the bulk that transport left (q, halo `halo`), right before the chemistry.
  void hold_bulk(View4D<const double> q, int halo) const;

  /// Rescales the tags to the held bulk (as renormalise, in the same pass), then splits the
  /// chemistry's change of every tagged family over the sources. Call right after
  /// Chemistry::step on the same q (field, k, j, i; halo `halo`), before anything else moves it.
  TagStats attribute(const ChemistryMeteo& met, View4D<double> q, int halo) const;

  /// Largest |Σ tags − bulk| / bulk over the interior cells and tagged species (a floor of
  /// 1e-30 on the bulk).
  double closure_drift(View4D<const double> q, int halo) const;

  struct Tables;

 private:
  std::shared_ptr<const Tables> tables_;
  mutable View4D<double> held_bulk_;  ///< (closure set, k, j, i): the bulk before the chemistry
};

}  // namespace kctm::chem
