#pragma once
// The time loop of a run (docs/ARCHITECTURE.md, "One step"): the set-up (run/run.hpp), then each
// step's inputs, transport, chemistry and removal, hourly output and checkpoints.
#include "config/run_config.hpp"
#include "run/run_result.hpp"

namespace kctm {

/// Runs the configured simulation, from config.restart_file's checkpoint if one is given. Throws
/// kctm::Error on bad input before anything is written. Checkpoints as configured and, when a stop
/// signal arrives (catch_stop_signals()), at the end of that step, then returns with `stopped`.
RunResult run_simulation(const RunConfig& config);

}  // namespace kctm
