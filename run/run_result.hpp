#pragma once
// What a run reports: its files, the tracer's, nitrogen's and sulfur's mass budgets, the solver's
// and the tagging's counters, and the wall time of each part.
#include <string>
#include <utility>
#include <vector>

#include "chemistry/chemistry_step.hpp"
#include "run/phase_times.hpp"

namespace kctm {

/// Mass budget of the tracer over the run [kg].
struct TracerBudget {
  double initial_kg, final_kg, emitted_kg, inflow_kg, outflow_kg, deposited_kg;
  /// (final − initial − emitted − inflow + outflow + deposited) / max(emitted + inflow, initial):
  /// zero up to round-off for a conservative scheme.
  double relative_imbalance() const;
};

/// Totals of the chemistry's solver over a run.
struct ChemistryTotals {
  long solver_steps = 0, rejected = 0, clipped = 0, failed_cells = 0, cell_steps = 0;
  void add(const chem::ChemistryStats& s) {
    solver_steps += s.steps, rejected += s.rejected, clipped += s.clipped;
    failed_cells += s.failed_cells, cell_steps += s.cells;
  }
};

struct RunResult {
  std::vector<std::string> files;  ///< finished output files
  TracerBudget tracer;
  /// Nitrogen and sulfur over the run [kg N, kg S] when the chemistry's species are carried.
  TracerBudget nitrogen{}, sulfur{};
  ChemistryTotals chemistry;
  /// The wall time of each phase of the steps, on rank 0 (the slowest rank sets the pace).
  PhaseTimes phases;
  /// Source apportionment: the largest |Σ tags − bulk| / bulk transport left before the tags
  /// were rescaled to the bulk, the cell-steps rescaled beyond round-off, the cell-steps where
  /// mass appeared that no tag explained (given to the fallback source), the closure at the end,
  /// and the summary.
  double tag_transport_drift = 0;
  long tag_rescaled_cells = 0, tag_fallback_cells = 0;
  double tag_closure = 0;
  std::string apportionment_table;
  /// The emitted species' budgets (name, budget), when emissions are on.
  std::vector<std::pair<std::string, TracerBudget>> species;
  long steps = 0, advection_substeps = 0;
  /// Fields of the state (species, tracer, tags), sources tagged, and the state's bytes.
  long fields = 0, sources = 0;
  double state_bytes = 0;
  double wall_s = 0;  ///< the time loop's
  int nx = 0, ny = 0, nz = 0;
  /// A stop signal ended the run early, after writing `checkpoint` (see run/stop_signal.hpp).
  bool stopped = false;
  std::string checkpoint;
};

}  // namespace kctm
