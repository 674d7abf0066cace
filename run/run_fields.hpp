#pragma once
// What the state of a run carries and what feeds it: the fields (tracer, the chemistry's species,
// the sources' tags), the inventory's emitted species with their routes into the tags, and the
// biogenic species.
#include <memory>
#include <vector>

#include "apportionment/sources.hpp"
#include "config/run_config.hpp"
#include "emissions/emission_model.hpp"
#include "inputs/emitted_species.hpp"
#include "io/user_inventory.hpp"
#include "state/domain.hpp"
#include "state/field_registry.hpp"

namespace kctm {

struct RunFields {
  FieldRegistry registry;
  int tracer = -1;               ///< the passive tracer's field
  bool carries_species = false;  ///< the chemistry's species are fields (chemistry or emissions)
  /// The emissions over this rank's block (null without emissions), spread as over the whole
  /// grid.
  std::unique_ptr<const EmissionModel> emission_model;
  EmittedSpecies emitted;
  std::unique_ptr<const UserInventory> user_inventory;  ///< the block's; null without one
  std::unique_ptr<const SourceSet> sources;             ///< null without source apportionment
  EmissionRoutes routes;                                ///< over the block's columns
  BiogenicSpecies biogenic;
  /// Every emitted field, for output and budgets: the inventory's, then the biogenic ones.
  std::vector<EmittedField> emitted_fields;
};

/// The fields of `c` on domain `d`, and the emission feeds of its `block` (a rank's, or the whole
/// grid). Throws kctm::Error on bad input (a user's inventory that does not cover the run, bad
/// sources) before anything is written.
RunFields set_up_fields(const RunConfig& c, const Domain& d, const Subdomain& block);

/// Every field an emission writes into, once each in increasing order: the tracer, the inventory's
/// species and their tags, the biogenic species and theirs (the emission arrays hold these only:
/// inputs/emission_rows.hpp).
std::vector<int> fields_taking_emissions(const RunFields& f);

}  // namespace kctm
