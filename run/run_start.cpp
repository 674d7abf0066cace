// A run's first state: the start's background air and initial tracer (or another run's
// checkpointed air, time.initial_state), or a checkpoint's state, budgets, counters and open
// output files.
#include <spdlog/spdlog.h>

#include <cstddef>

#include "base/error.hpp"
#include "kernels/host_copy.hpp"
#include "run/budgets.hpp"
#include "run/run.hpp"
#include "run/run_checkpoint.hpp"
#include "state/initial_state.hpp"

namespace kctm {

namespace {

/// This rank's block of the checkpoint's haloed array `name` (field-major, nz layers per field).
std::vector<double> block_of_fields(const Checkpoint& cp, const std::string& from,
                                    const std::string& name, int n_fields, const Domain& domain,
                                    const Decomposition& ranks) {
  const Subdomain& whole = domain.sub;
  const int nz = domain.grid.nz();
  const std::size_t per_field =
      static_cast<std::size_t>(nz) * whole.nx_with_halo() * whole.ny_with_halo();
  const std::vector<double>& all = cp.array(from, name, n_fields * per_field);
  std::vector<double> block;
  for (int f = 0; f < n_fields; ++f) {
    const std::vector<double> field(all.begin() + f * per_field, all.begin() + (f + 1) * per_field);
    const std::vector<double> mine = ranks.block_of(field, nz, true);
    block.insert(block.end(), mine.begin(), mine.end());
  }
  return block;
}

}  // namespace

long Run::start() {
  const RunConfig& c = config;
  const int n_fields = state.registry.n_fields();
  Kokkos::deep_copy(state.air, inputs.meteo().rho_kg_m3);
  set_background(initial_air, state);
  set_initial_tracer(c.tracer.initial, domain.grid, block, block_geometry, state, fields.tracer);
  long first_step = 0;
  if (c.restart_file.empty()) {
    if (!c.initial_state_file.empty()) take_initial_state(c.initial_state_file);
    initial_kg_ = field_masses_kg(geo, state, ranks);
    output.write(geo, state);  // the initial state, when it is a record
  } else {
    const Checkpoint cp = read_checkpoint(c.restart_file, identity_);
    const std::string& from = c.restart_file;
    if (cp.step >= n_steps) {
      throw Error(from,
                  "the checkpoint is at " +
                      format_iso8601(cp.time, c.output.file_day_utc_offset_s) +
                      ", the run's end or after",
                  "set time.hours beyond it");
    }
    first_step = cp.step;
    state.time = cp.time;
    // Every rank reads the whole file and takes its block.
    const int nz = domain.grid.nz();
    const std::size_t cells = static_cast<std::size_t>(domain.sub.nx) * domain.sub.ny;
    copy_to_device(block_of_fields(cp, from, "state.q", n_fields, domain, ranks), state.q);
    copy_to_device(block_of_fields(cp, from, "state.air", 1, domain, ranks), state.air);
    initial_kg_ = cp.array(from, "run.initial_kg", n_fields);
    inputs.emitted_kg = cp.array(from, "run.emitted_kg", inputs.emitted_kg.size());
    if (chemistry && cp.arrays.count("chemistry.h_next")) {
      chemistry->set_step_memory(ranks.block_of(cp.array(from, "chemistry.h_next", nz * cells), nz),
                                 nz, block.ny, block.nx);
    }
    transport.restore_from(cp, from);
    if (ranks.root()) {
      restore_counters(cp, from, result);
      output.restore_from(cp, from);
    }
    last_checkpoint_ = state.time;
    spdlog::info("restarted from {} at {}", from,
                 format_iso8601(cp.time, c.output.file_day_utc_offset_s));
  }
  result.tracer.initial_kg = initial_kg_[fields.tracer];
  return first_step;
}

void Run::take_initial_state(const std::string& from) {
  const Checkpoint cp = read_checkpoint(from, identity_, CheckpointUse::kInitialState);
  // The mixing ratios, every field with its tags. At the checkpoint's own time the run continues
  // the other and takes its air too; at another time the air is the meteorology's at the start,
  // and the tracers' masses follow it.
  copy_to_device(block_of_fields(cp, from, "state.q", state.registry.n_fields(), domain, ranks),
                 state.q);
  if (cp.time == state.time) {
    copy_to_device(block_of_fields(cp, from, "state.air", 1, domain, ranks), state.air);
  }
  const int offset = config.output.file_day_utc_offset_s;
  spdlog::info("initial state from {} (run {}, its air of {}) at {}", from, cp.run_id,
               format_iso8601(cp.time, offset), format_iso8601(state.time, offset));
}

}  // namespace kctm
