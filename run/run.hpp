#pragma once
// Everything a run holds between its set-up and its end, built in the order data flows (config →
// grid → inputs → state → kernels → output): the domain and this rank's block, the fields, the
// state, the hourly inputs, the transport, chemistry and tag attribution, the output, and the
// bookkeeping that budgets and checkpoints need. The time loop (run/driver.cpp) steps it.
#include <memory>
#include <string>
#include <vector>

#include "chemistry/chemistry_step.hpp"
#include "chemistry/tag_attribution.hpp"
#include "config/run_config.hpp"
#include "io/checkpoint_file.hpp"
#include "parallel/decomposition.hpp"
#include "run/boundary_inflow.hpp"
#include "run/folder_claim.hpp"
#include "run/hourly_inputs.hpp"
#include "run/run_fields.hpp"
#include "run/run_output.hpp"
#include "run/run_result.hpp"
#include "run/transport.hpp"
#include "state/domain.hpp"
#include "state/state.hpp"

namespace kctm {

class Run {
 public:
  /// Sets the run up (run/run_setup.cpp): throws kctm::Error on bad input before anything is
  /// written.
  explicit Run(const RunConfig& config);
  Run(const Run&) = delete;
  Run& operator=(const Run&) = delete;

  /// The state at the start (the background air and the initial tracer, or the air of
  /// config.initial_state_file) or at the checkpoint config.restart_file (run/run_start.cpp);
  /// returns the first step to take.
  long start();
  /// Writes the checkpoint after `steps_done` steps (run/run_checkpoint.cpp; every rank calls it,
  /// after check_state).
  void write_checkpoint(long steps_done);
  /// Writes the state at the run's end to output.dir/kctm_final_state.h5 (every rank calls it).
  void write_final_state() const;
  /// Throws kctm::Error naming the field, cell, time and likely cause when a value of the state
  /// is not finite or, with monotone transport, negative (run/run_health.cpp; every rank calls it).
  void check_state() const;
  /// Counts a tag kernel's statistics into the result.
  void count_tags(const chem::TagStats& s);
  /// Ends the run after its last step: closes the output, removes the checkpoint and returns
  /// the budgets and counters over all ranks (run/budgets.cpp).
  RunResult finish(double wall_s);
  /// What the run did until a stop signal ended it at its last checkpoint.
  RunResult stopped(double wall_s);

  const RunConfig& config;
  const Domain domain;
  /// The ranks' blocks: they start at the chemistry's lane groups, so that each cell is solved
  /// with the same neighbours along x whatever the rank count (results do not depend on it).
  const Decomposition ranks;
  /// The output folder, locked for the run's life and checked, and the run's id (taken before
  /// the fields are set up, so that a folder in use or holding another run is refused first).
  const FolderClaim folder;
  const Subdomain& block;  ///< this rank's
  const GridGeometry block_geometry;
  RunFields fields;  ///< its registry moved into the state
  State state;
  const DeviceGeometry geo;
  const std::vector<double> column_area_m2;  ///< the interior columns' areas (j, i) [m2]
  const std::vector<double> initial_air;     ///< the air filling the domain at the start, per field
  HourlyInputs inputs;
  BoundaryInflow inflow;
  Transport transport;
  std::unique_ptr<const chem::Chemistry> chemistry;         ///< null without chemistry
  std::unique_ptr<const chem::TagAttribution> attribution;  ///< null without tags
  RunOutput output;
  const long steps_per_hour, n_steps;
  RunResult result;  ///< the counters and wall times so far

 private:
  /// The checkpoint after `steps_done` steps, its arrays gathered on rank 0 (every rank calls it).
  Checkpoint checkpoint_of(long steps_done) const;
  /// The mixing ratios of another run's checkpoint `from` (same grid and fields) as the state.
  void take_initial_state(const std::string& from);

  const std::string checkpoint_file_;
  const CheckpointIdentity identity_;
  std::vector<double> initial_kg_;  ///< every field's mass at the start [kg]
  /// The time of the checkpoint last written (or restarted from), whose copies the next replaces;
  /// −1 before any.
  UnixSeconds last_checkpoint_ = -1;
};

}  // namespace kctm
