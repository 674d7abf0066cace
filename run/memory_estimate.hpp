#pragma once
// The memory a run holds at its peak, estimated from its grid, fields and blocks before the state
// is allocated: the set-up refuses a run that would not fit the machine (or the batch job's
// share of it), and `kctm info CONFIG` prints the estimate.
#include <string>

#include "config/run_config.hpp"
#include "grids/global_grid.hpp"
#include "grids/subdomain.hpp"
#include "state/field_registry.hpp"

namespace kctm {

/// Peak bytes of one rank holding `block` of `grid` with `registry`'s fields, `emitted_fields` of
/// which take emissions; `root`: rank 0, which also gathers the whole grid's checkpoint.
double estimate_rank_bytes(const RunConfig& c, const GlobalGrid& grid, const Subdomain& block,
                           const FieldRegistry& registry, int emitted_fields, bool root);

/// The memory this process may use [bytes]: the machine's physical memory, or the cgroup's limit
/// (a batch job's allocation) when that is lower.
double available_bytes();

/// The largest resident memory of this process so far [bytes] (getrusage).
double peak_resident_bytes();

/// "12.3 GiB".
std::string gib(double bytes);

}  // namespace kctm
