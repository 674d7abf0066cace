// A run's first state: the start's background air and initial tracer, or a checkpoint's state,
// budgets, counters and open output files.
#include <spdlog/spdlog.h>

#include <cstddef>

#include "base/error.hpp"
#include "kernels/host_copy.hpp"
#include "run/budgets.hpp"
#include "run/run.hpp"
#include "run/run_checkpoint.hpp"
#include "state/initial_state.hpp"

namespace kctm {

long Run::start() {
  const RunConfig& c = config;
  const int n_fields = state.registry.n_fields();
  Kokkos::deep_copy(state.air, inputs.meteo().rho_kg_m3);
  set_background(air.initial, state);
  set_initial_tracer(c.tracer.initial, domain.grid, block, block_geometry, state, fields.tracer);
  long first_step = 0;
  if (c.restart_file.empty()) {
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
    const Subdomain& whole = domain.sub;
    const int nz = domain.grid.nz();
    const std::size_t haloed =
        static_cast<std::size_t>(whole.nx_with_halo()) * whole.ny_with_halo();
    const std::size_t cells = static_cast<std::size_t>(whole.nx) * whole.ny;
    const std::vector<double>& q = cp.array(from, "state.q", n_fields * nz * haloed);
    std::vector<double> block_q;
    for (int f = 0; f < n_fields; ++f) {
      const std::vector<double> field(q.begin() + f * nz * haloed,
                                      q.begin() + (f + 1) * nz * haloed);
      const std::vector<double> mine = ranks.block_of(field, nz, true);
      block_q.insert(block_q.end(), mine.begin(), mine.end());
    }
    copy_to_device(block_q, state.q);
    copy_to_device(ranks.block_of(cp.array(from, "state.air", nz * haloed), nz, true), state.air);
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

}  // namespace kctm
