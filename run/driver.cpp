#include "run/driver.hpp"

#include <spdlog/spdlog.h>

#include <cmath>
#include <string>

#include "base/error.hpp"
#include "run/progress.hpp"
#include "run/run.hpp"
#include "run/stop_signal.hpp"

namespace kctm {

namespace {

/// The period simulated: `config`'s, begun its spin-up days earlier, with records from
/// config.start on (config.output.start).
RunConfig with_spinup(const RunConfig& config) {
  RunConfig c = config;
  c.start -= 86400 * config.spinup_days;
  c.hours += 24 * config.spinup_days;
  c.spinup_days = 0;
  return c;
}

}  // namespace

RunResult run_simulation(const RunConfig& config) {
  const RunConfig c = with_spinup(config);
  Run run(c);  // domain, fields, state, inputs, operators, output (run/run_setup.cpp)
  if (config.spinup_days > 0) {
    spdlog::info("spin-up of {} d from {}; records from {}", config.spinup_days,
                 format_iso8601(c.start, c.output.file_day_utc_offset_s),
                 format_iso8601(config.start, c.output.file_day_utc_offset_s));
  }
  State& state = run.state;
  const int halo = run.block.halo;
  const long first_step = run.start();  // the initial state or a checkpoint's
  Progress progress(state.time, 3600.0 * c.hours - static_cast<double>(state.time - c.start),
                    c.progress_interval_s,
                    static_cast<double>(state.registry.n_fields()) * run.domain.grid.nx() *
                        run.domain.grid.ny() * run.domain.grid.nz(),
                    c.output.file_day_utc_offset_s);
  const long checkpoint_steps = c.checkpoint_interval_hours * run.steps_per_hour;
  for (long step = first_step; step < run.n_steps; ++step) {
    PhaseTimes& times = run.result.phases;
    // The step's meteorology and the hour's emissions, counted as they enter.
    times.time(kPhaseInputs, [&] {
      run.inputs.prepare(step, step == first_step);
      if (run.inflow.varies()) {
        run.transport.set_boundary(
            run.inflow.at(state.time + static_cast<UnixSeconds>(std::lround(c.step_s / 2))));
      }
    });
    // 1–4: emissions and vertical diffusion, advection, horizontal diffusion.
    run.transport.step(state, run.inputs.meteo(), run.inputs.exchange(), c.step_s, step % 2 == 1,
                       times);
    // The tags back to the bulk transport left: here without chemistry, else in attribute().
    if (run.attribution) {
      times.time(kPhaseTags, [&] {
        if (run.chemistry) {
          run.attribution->hold_bulk(state.q, halo);
        } else {
          run.count_tags(run.attribution->renormalise(state.q, halo));
        }
      });
    }
    // 5: chemistry, and its change split over the sources.
    if (run.chemistry) {
      const double mid_s = static_cast<double>(state.time) + 0.5 * c.step_s;
      chem::ChemistryStats stats;
      times.time(kPhaseChemistry, [&] {
        stats = run.chemistry->step(run.inputs.chemistry_meteo(), state.air, state.q, halo, mid_s,
                                    c.step_s);
      });
      run.result.chemistry.add(stats);
      if (run.attribution) {
        times.time(kPhaseTags, [&] {
          run.count_tags(run.attribution->attribute(run.inputs.chemistry_meteo(), state.q, halo));
        });
      }
      stats.failed_cells = run.ranks.sum(stats.failed_cells);  // every rank stops, or none
      if (stats.failed_cells > 0) {
        throw Error(
            "chemistry at " + format_iso8601(state.time, c.output.file_day_utc_offset_s),
            "the solver ran out of steps in " + std::to_string(stats.failed_cells) + " cells",
            "loosen chemistry.rtol/atol or shorten time.step_s");
      }
    }
    // 6: wet scavenging.
    if (run.inputs.removes()) {
      times.time(kPhaseWet, [&] { run.transport.scavenge_wet(state, run.inputs.wet(), c.step_s); });
    }
    state.time = c.start + static_cast<UnixSeconds>(std::llround((step + 1) * c.step_s));
    const bool hour_ends = (step + 1) % run.steps_per_hour == 0, more = step + 1 < run.n_steps;
    // Every rank stops at the same step when any of them got the signal.
    const bool stop = run.ranks.max(stop_requested() ? 1.0 : 0.0) > 0 && more;
    const bool checkpoint =
        stop || (checkpoint_steps > 0 && (step + 1) % checkpoint_steps == 0 && more);
    times.time(kPhaseOutput, [&] {
      if (hour_ends || checkpoint) run.check_state();  // nothing unsound reaches a file
      if (hour_ends) run.output.write(run.geo, state);
    });
    progress.update(state.time, step + 1 - first_step);
    if (checkpoint) times.time(kPhaseCheckpoint, [&] { run.write_checkpoint(step + 1); });
    if (stop) return run.stopped(progress.wall_s());
  }
  if (c.final_state) run.write_final_state();
  return run.finish(progress.wall_s());  // end-of-run budgets (run/budgets.cpp)
}

}  // namespace kctm
