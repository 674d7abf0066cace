#pragma once
// The run's side of a checkpoint (io/checkpoint_file.hpp): where it lives, what identifies the
// run, and the counters of RunResult that carry over into the run's report.
#include <string>
#include <utility>
#include <vector>

#include "io/checkpoint_file.hpp"
#include "run/run_result.hpp"
#include "state/domain.hpp"
#include "state/field_registry.hpp"

namespace kctm {

/// The checkpoint in `dir`, replaced at each one.
std::string checkpoint_path(const std::string& dir);
/// The state at the run's end in `dir` (checkpoint.final_state), for time.initial_state.
std::string final_state_path(const std::string& dir);
/// Prefix of the copies of the open output files that belong to the checkpoint at `time`.
std::string checkpoint_copy_prefix(UnixSeconds time);

/// The grid's definition a checkpoint records: projection, cell size, south-west corner (the
/// domain box) and level interfaces.
std::vector<std::pair<std::string, double>> grid_definition(const GlobalGrid& g);

/// What a checkpoint of this run must match.
CheckpointIdentity checkpoint_identity(const Domain& d, const FieldRegistry& registry,
                                       const RunConfig& c);

/// The report's counters (solver, tagging, wall times) into `c`, and back from it.
void save_counters(const RunResult& r, Checkpoint& c);
void restore_counters(const Checkpoint& c, const std::string& path, RunResult& r);

/// Removes the files in `dir` of the checkpoint at `time` but the HDF5 file itself: the copies of
/// the output files that an older checkpoint needed.
void remove_checkpoint_copies(const std::string& dir, UnixSeconds time);

}  // namespace kctm
