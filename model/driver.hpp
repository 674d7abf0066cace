#pragma once
// The time loop of a run: builds the domain, inputs and state, steps the operators and writes
// output.
#include <string>
#include <utility>
#include <vector>

#include "model/run_config.hpp"

namespace kctm {

/// Mass budget of the tracer over the run [kg].
struct TracerBudget {
  double initial_kg, final_kg, emitted_kg, inflow_kg, outflow_kg, deposited_kg;
  /// (final − initial − emitted − inflow + outflow + deposited) / max(emitted + inflow, initial):
  /// zero up to round-off for a conservative scheme.
  double relative_imbalance() const;
};

struct RunResult {
  std::vector<std::string> files;  ///< finished output files
  TracerBudget tracer;
  /// The emitted species' budgets (name, budget), when emissions are on.
  std::vector<std::pair<std::string, TracerBudget>> species;
  long steps = 0, advection_substeps = 0;
  double wall_s = 0;
  int nx = 0, ny = 0, nz = 0;
};

/// Checks that `dir` exists or can be created and that a file can be written in it.
void prepare_output_dir(const std::string& dir, const std::string& key_where);

/// Runs the configured simulation. Throws kctm::Error on bad input before anything is written.
RunResult run_simulation(const RunConfig& config);

}  // namespace kctm
