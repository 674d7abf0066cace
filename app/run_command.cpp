// `kctm run CONFIG` and `kctm demo`: a simulation, its budgets and apportionment in the log.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "app/command.hpp"
#include "base/input_file.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"
#include "kernels/kokkos_types.hpp"
#include "run/driver.hpp"
#include "run/memory_estimate.hpp"
#include "run/stop_signal.hpp"

namespace kctm::app {

namespace {

const char* const kRestartHelp =
    "continue from this checkpoint (output.dir/kctm_restart.h5 of an earlier run)";
const char* const kOverwriteHelp =
    "replace the files of an earlier run in the output folder (kctm's own files only)";

/// The budgets, solver counters and apportionment of a finished run, to the log and stdout.
void report(const RunResult& r) {
  spdlog::info(
      "tracer budget [kg]: emitted {:.6e}, inflow {:.3e}, outflow {:.6e}, deposited {:.3e}, in "
      "domain {:.6e}, imbalance {:.1e} (relative)",
      r.tracer.emitted_kg, r.tracer.inflow_kg, r.tracer.outflow_kg, r.tracer.deposited_kg,
      r.tracer.final_kg, r.tracer.relative_imbalance());
  for (const auto& [name, b] : r.species) {
    spdlog::info("{} [kg]: emitted {:.4e}, outflow {:.3e}, in domain {:.4e}, imbalance {:.1e}",
                 name, b.emitted_kg, b.outflow_kg, b.final_kg, b.relative_imbalance());
  }
  for (const auto& [name, b] : {std::pair{"nitrogen", r.nitrogen}, std::pair{"sulfur", r.sulfur}}) {
    if (b.initial_kg + b.emitted_kg <= 0) continue;
    spdlog::info(
        "{} budget [kg]: initial {:.5e}, emitted {:.5e}, inflow {:.4e}, outflow {:.4e}, "
        "deposited {:.4e}, final {:.5e}, imbalance {:.1e} (relative)",
        name, b.initial_kg, b.emitted_kg, b.inflow_kg, b.outflow_kg, b.deposited_kg, b.final_kg,
        b.relative_imbalance());
  }
  if (r.chemistry.cell_steps > 0) {
    const ChemistryTotals& ch = r.chemistry;
    spdlog::info(
        "chemistry: {:.2f} solver steps per cell and step, {} rejected, {} clipped, {} failed "
        "cells; {:.1f} s of {:.1f} s in transport + chemistry ({:.0f} % chemistry)",
        double(ch.solver_steps) / ch.cell_steps * chem::LaneCount<chem::ChemValue>::value,
        ch.rejected, ch.clipped, ch.failed_cells, r.phases[kPhaseChemistry],
        r.phases.transport() + r.phases[kPhaseChemistry],
        100 * r.phases[kPhaseChemistry] /
            std::max(r.phases.transport() + r.phases[kPhaseChemistry], 1e-30));
  }
  if (!r.apportionment_table.empty()) {
    spdlog::info(
        "source apportionment: tags sum to the bulk within {:.1e} at the end; transport left them "
        "{:.1e} apart at most (rescaled in {} cell-steps); {} cell-steps with mass no tag "
        "explained; {:.1f} s in the tag kernels",
        r.tag_closure, r.tag_transport_drift, r.tag_rescaled_cells, r.tag_fallback_cells,
        r.phases[kPhaseTags]);
    std::cout << r.apportionment_table << "\n";
  }
  spdlog::info(
      "{} steps ({} advection sub-steps) in {:.1f} s on {} x {} x {} cells; peak memory {}",
      r.steps, r.advection_substeps, r.wall_s, r.nx, r.ny, r.nz, gib(peak_resident_bytes()));
  spdlog::info("where the time went (rank 0):\n{}", r.phases.table(r.wall_s));
  for (const std::string& f : r.files) std::cout << "output: " << f << "\n";
}

/// Runs `config` (from `restart_file`'s checkpoint, if given; replacing an earlier run's files
/// with `overwrite`): 0, or kStoppedExitCode when a signal stopped it at a checkpoint.
int run_and_report(const Config& config, const std::string& restart_file, bool overwrite) {
  // From here a batch scheduler's early warning stops the run at its first step's end.
  catch_stop_signals();
  RunConfig rc = read_run_config(config);
  if (!restart_file.empty()) require_input_file(restart_file, "checkpoint file", "--restart");
  rc.restart_file = restart_file;
  rc.overwrite = overwrite;
  // Kokkos starts only once the input is known to be good.
  Kokkos::ScopeGuard kokkos;
  const RunResult r = run_simulation(rc);
  if (r.stopped) {
    spdlog::warn("stopped by a signal at the checkpoint {}; continue with --restart {}",
                 r.checkpoint, r.checkpoint);
    return kStoppedExitCode;
  }
  report(r);
  return 0;
}

struct RunOptions {
  std::string config_path, restart_file;
  std::vector<std::string> sets;
  bool overwrite = false;
  long demo_hours = 24;
  std::string demo_out = "kctm-demo";
};

}  // namespace

Command add_run_command(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* run = app.add_subcommand("run", "run the simulation a config file describes");
  run->add_option("config", o->config_path, "YAML config (see `kctm config --print-default`)")
      ->required();
  run->add_option("--set", o->sets, "override a config key: --set output.dir=/tmp/x (repeatable)");
  CLI::Option* restart = run->add_option("--restart", o->restart_file, kRestartHelp);
  run->add_flag("--overwrite", o->overwrite, kOverwriteHelp)->excludes(restart);
  return {run, [o] {
            return run_and_report(Config::layered(o->config_path, o->sets), o->restart_file,
                                  o->overwrite);
          }};
}

Command add_demo_command(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* demo = app.add_subcommand("demo", "run the default Hengyang simulation");
  demo->add_option("--hours", o->demo_hours, "simulated hours")->check(CLI::PositiveNumber);
  demo->add_option("--out", o->demo_out, "output folder");
  demo->add_option("--set", o->sets, "override a config key (repeatable)");
  CLI::Option* restart = demo->add_option("--restart", o->restart_file, kRestartHelp);
  demo->add_flag("--overwrite", o->overwrite, kOverwriteHelp)->excludes(restart);
  return {demo, [o] {
            Config config;
            config.set("time.hours=" + std::to_string(o->demo_hours));
            config.set("output.dir=" + o->demo_out);
            for (const std::string& s : o->sets) config.set(s);
            return run_and_report(config, o->restart_file, o->overwrite);
          }};
}

}  // namespace kctm::app
