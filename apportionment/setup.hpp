#pragma once
// What the driver needs to carry source apportionment through a run: the tags in the registry,
// the initial state and inflow of the tags, and the apportioned outputs (kctm_sa_YYYYMMDD.nc).
#include <set>
#include <string>
#include <vector>

#include "apportionment/sources.hpp"
#include "chemistry/tag_attribution.hpp"
#include "inputs/emitted_species.hpp"
#include "io/conc_writer.hpp"
#include "state/field_registry.hpp"

namespace kctm {

/// Adds the sources and every tag kind (chem::tag_kinds()) to `registry`, after its species.
void register_tags(const SourceSet& sources, FieldRegistry& registry);

/// What each source's origins bring into the model: species names per source. `emitted` is the
/// inventory's speciation (null without emissions); `biogenic` whether vegetation emits;
/// `background` and `regional_inflow` per kSpecies entry, their largest monthly values
/// (chemistry.background, ...);
/// `boundary_file` whether a file may bring any species in.
std::vector<std::set<std::string>> brought_species(const SourceSet& sources,
                                                   const EmittedSpecies* emitted, bool biogenic,
                                                   const std::vector<double>& background,
                                                   const std::vector<double>& regional_inflow,
                                                   bool boundary_file);

/// Which tag kinds each source can ever carry, present[kind][source] for
/// FieldRegistry::keep_tags: what it brings, closed under the chemistry's rules (a precursor
/// brings its family's products, a reversible family's products its precursors, NOx brings O3N,
/// a VOC O3V, O3 itself O3B). The fallback source carries every kind.
std::vector<std::vector<bool>> carried_tags(const FieldRegistry& registry,
                                            const std::vector<std::set<std::string>>& brought,
                                            int fallback_source);

/// Where the tags are, for the chemistry's attribution.
chem::TagFieldLayout tag_layout(const FieldRegistry& registry, int fallback_source);

/// Adds `bulk` (one value per field; tags ignored) to the first tag kind (O3B for O3) of each
/// species for `source` in `out` (sized for every field): the part of a state or an inflow
/// that comes from that source. Throws kctm::Error if the source cannot carry a species it
/// brings (carried_tags was not told).
void add_to_source(const std::vector<double>& bulk, int source, const FieldRegistry& registry,
                   std::vector<double>& out);

/// An apportioned output: the sum of tag kinds per source, and of their bulk fields.
struct ApportionedOutput {
  OutputVariable variable;       ///< e.g. PM25_SA [ug m-3]
  std::vector<int> kinds;        ///< tag kinds summed
  std::vector<int> bulk_fields;  ///< the bulk species they are part of
};
/// PM2.5 and its components (sulfate, nitrate, ammonium, SOA, primary), coarse PM, O3 and its
/// NOx- and VOC-limited parts, each by source.
std::vector<ApportionedOutput> apportioned_outputs(const FieldRegistry& registry);

/// The fields of `output`'s kinds that `source` carries.
std::vector<int> source_fields(const ApportionedOutput& output, int source,
                               const FieldRegistry& registry);

}  // namespace kctm
