// kctm command line: run, demo, box, mechanism, config, info, emissions, validate, attain.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "analysis/standard_metrics.hpp"
#include "base/error.hpp"
#include "emissions/inventory.hpp"
#include "kernels/kokkos_types.hpp"
#include "model/attainment.hpp"
#include "model/attainment_rerun.hpp"
#include "model/box_model.hpp"
#include "model/config.hpp"
#include "model/driver.hpp"
#include "model/emission_maps.hpp"
#include "model/emissions_summary.hpp"
#include "model/info.hpp"
#include "model/mechanism_table.hpp"
#include "model/run_config.hpp"
#include "model/station_extraction.hpp"
#include "model/stop_signal.hpp"
#include "model/validation.hpp"

namespace {

int run_and_report(kctm::Config& config, const std::string& restart_file) {
  kctm::RunConfig rc = kctm::read_run_config(config);
  rc.restart_file = restart_file;
  // Kokkos starts only once the input is known to be good.
  Kokkos::ScopeGuard kokkos;
  kctm::catch_stop_signals();
  const kctm::RunResult r = kctm::run_simulation(rc);
  if (r.stopped) {
    spdlog::warn("stopped by a signal at the checkpoint {}; continue with --restart {}",
                 r.checkpoint, r.checkpoint);
    return kctm::kStoppedExitCode;
  }
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
    const kctm::ChemistryTotals& ch = r.chemistry;
    spdlog::info(
        "chemistry: {:.2f} solver steps per cell and step, {} rejected, {} clipped, {} failed "
        "cells; {:.1f} s of {:.1f} s in transport + chemistry ({:.0f} % chemistry)",
        double(ch.solver_steps) / ch.cell_steps *
            kctm::chem::LaneCount<kctm::chem::ChemValue>::value,
        ch.rejected, ch.clipped, ch.failed_cells, r.chemistry_wall_s,
        r.transport_wall_s + r.chemistry_wall_s,
        100 * r.chemistry_wall_s / std::max(r.transport_wall_s + r.chemistry_wall_s, 1e-30));
  }
  if (!r.apportionment_table.empty()) {
    spdlog::info(
        "source apportionment: tags sum to the bulk within {:.1e} at the end; transport left them "
        "{:.1e} apart at most (rescaled in {} cell-steps); {} cell-steps with mass no tag "
        "explained; {:.1f} s in the tag kernels",
        r.tag_closure, r.tag_transport_drift, r.tag_rescaled_cells, r.tag_fallback_cells,
        r.tagging_wall_s);
    std::cout << r.apportionment_table << "\n";
  }
  spdlog::info("{} steps ({} advection sub-steps) in {:.1f} s on {} x {} x {} cells", r.steps,
               r.advection_substeps, r.wall_s, r.nx, r.ny, r.nz);

  for (const std::string& f : r.files) std::cout << "output: " << f << "\n";
  return 0;
}

/// City daily mean PM2.5 of CNEMC observations (HJ 663-2013: the mean of the stations' valid
/// daily means) [ug m-3].
std::vector<double> city_daily_pm25(const std::string& obs_file) {
  const kctm::analysis::Observations obs = kctm::analysis::read_cnemc_wide(obs_file);
  std::vector<std::vector<kctm::analysis::DailyValue>> stations;
  for (const auto& [code, by_pollutant] : obs) {
    const auto pm = by_pollutant.find(kctm::analysis::Pollutant::kPm25);
    if (pm == by_pollutant.end() || pm->second.empty()) continue;
    stations.push_back(kctm::analysis::daily_means(kctm::analysis::make_hourly_series(
        pm->second, pm->second.begin()->first, pm->second.rbegin()->first)));
  }
  std::vector<double> daily;
  for (const kctm::analysis::DailyValue& d : kctm::analysis::city_daily_means(stations)) {
    if (std::isfinite(d.value)) daily.push_back(d.value);
  }
  return daily;
}

/// `kctm validate`: 0 when every limit holds, 3 when one is crossed.
int validate_and_report(const std::string& run_dir, const std::string& obs_file,
                        std::string stations_file, const std::string& limits_file,
                        const std::string& out_dir, const std::vector<int>& special_months) {
  namespace fs = std::filesystem;
  if (stations_file.empty())
    stations_file = (fs::path(obs_file).parent_path() / "stations.csv").string();
  const std::vector<kctm::analysis::Station> stations =
      kctm::analysis::read_stations(stations_file);
  std::ifstream in(obs_file);
  std::string header;
  if (!in || !std::getline(in, header)) throw kctm::Error(obs_file, "cannot read the observations");
  const kctm::analysis::Observations obs = header.rfind("date,hour,type", 0) == 0
                                               ? kctm::analysis::read_cnemc_wide(obs_file)
                                               : kctm::analysis::read_long_csv(obs_file);
  const kctm::ValidationLimits limits =
      limits_file.empty() ? kctm::ValidationLimits{} : kctm::read_validation_limits(limits_file);
  const kctm::analysis::Observations model = kctm::model_at_stations(run_dir, stations);
  const kctm::Validation v = kctm::validate(model, obs, limits);
  kctm::write_validation(out_dir, v, model, obs, run_dir, obs_file, special_months);
  for (const kctm::MetricRow& r : v.rows) {
    if (r.station != "all" || r.month != "all") continue;
    spdlog::info("{:<10} N {:>5}  NMB {:+6.1f} %  NME {:5.1f} %  r {:5.2f}  {}", r.pollutant,
                 r.stats.n, 100 * r.stats.nmb, 100 * r.stats.nme, r.stats.r, r.rating);
  }
  for (const std::string& c : v.crossed) spdlog::warn("limit crossed: {}", c);
  std::cout << "report: " << (fs::path(out_dir) / "report.md").string() << "\n";
  return v.crossed.empty() ? 0 : 3;
}

}  // namespace

int main(int argc, char** argv) {
  // Thread placement for OpenMP unless the user chose one (Kokkos warns when it is unset).
  setenv("OMP_PROC_BIND", "spread", 0);
  setenv("OMP_PLACES", "threads", 0);
  spdlog::set_pattern("[%H:%M:%S] %^%l%$: %v");

  CLI::App app{"kctm — a Kokkos chemical transport model kernel for the Hengyang attainment plan"};
  app.require_subcommand(1);

  std::string config_path;
  std::vector<std::string> sets;
  CLI::App* run = app.add_subcommand("run", "run the simulation a config file describes");
  run->add_option("config", config_path, "YAML config (see `kctm config --print-default`)")
      ->required();
  run->add_option("--set", sets, "override a config key: --set output.dir=/tmp/x (repeatable)");
  std::string restart_file;
  const std::string restart_help =
      "continue from this checkpoint (output.dir/kctm_restart.h5 of an earlier run)";
  run->add_option("--restart", restart_file, restart_help);

  long demo_hours = 24;
  std::string demo_out = "kctm-demo";
  CLI::App* demo = app.add_subcommand("demo", "run the default Hengyang simulation");
  demo->add_option("--hours", demo_hours, "simulated hours")->check(CLI::PositiveNumber);
  demo->add_option("--out", demo_out, "output folder");
  demo->add_option("--set", sets, "override a config key (repeatable)");
  demo->add_option("--restart", restart_file, restart_help);

  std::string box_config, box_out = "box.csv";
  CLI::App* box = app.add_subcommand("box", "run the chemistry in one cell, write a CSV series");
  box->add_option("config", box_config, "YAML box config (see examples/box_polluted_urban.yaml)")
      ->required();
  box->add_option("--out", box_out, "output CSV file");

  CLI::App* mechanism =
      app.add_subcommand("mechanism", "print the chemistry's reactions as a Markdown table");

  bool print_default = false;
  CLI::App* config = app.add_subcommand("config", "show configuration");
  config->add_flag("--print-default", print_default, "print the full default config, commented");

  CLI::App* info = app.add_subcommand("info", "versions, Kokkos execution space and threads");

  bool summary = false;
  std::string emissions_config;
  CLI::App* emissions = app.add_subcommand("emissions", "the emission inventory on the grid");
  std::string maps_path;
  emissions->add_flag("--summary", summary, "print the inventory table and the gridded check");
  emissions->add_option("--write", maps_path,
                        "write annual emissions per sector and pollutant to this NetCDF file");
  emissions->add_option("config", emissions_config, "YAML config (default: the built-in one)");
  emissions->add_option("--set", sets, "override a config key (repeatable)");

  std::string validate_run, validate_obs, validate_stations, validate_limits,
      validate_out = "validation";
  CLI::App* validate = app.add_subcommand(
      "validate", "compare a run with station observations; exit 3 when a limit is crossed");
  validate->add_option("run_dir", validate_run, "the run's output folder")->required();
  validate
      ->add_option("--obs", validate_obs,
                   "observations: CNEMC layout (date,hour,type,<stations>) or the long CSV "
                   "(station,time,pollutant,value,unit)")
      ->required();
  validate->add_option("--stations", validate_stations,
                       "stations CSV (code, lon, lat); default: stations.csv beside --obs");
  validate->add_option("--limits", validate_limits,
                       "YAML limits per pollutant (e.g. examples/validation_limits.yaml)");
  validate->add_option("--out", validate_out, "report folder");
  std::vector<int> special_months = {11, 12, 1, 2};
  validate
      ->add_option("--special-months", special_months,
                   "months of the special-control period (特护期), default 11 12 1 2")
      ->check(CLI::Range(1, 12));

  std::string attain_run, attain_scenario, attain_obs;
  CLI::App* attain = app.add_subcommand(
      "attain", "project the plan's targets from a run's source apportionment and a scenario");
  attain->add_option("run_dir", attain_run, "a run's output folder (kctm_sa_summary.csv)")
      ->required();
  attain
      ->add_option("--scenario", attain_scenario,
                   "scenario YAML (e.g. scenarios/hengyang-plan.yaml)")
      ->required();
  std::string attain_csv;
  bool attain_rerun = false;
  attain->add_flag("--rerun", attain_rerun,
                   "also rerun the model for each year with the scenario's emissions (nonlinear)");
  attain->add_option("--csv", attain_csv, "also write the table as CSV (for the attainment chart)");
  attain->add_option("--obs", attain_obs,
                     "CNEMC observations: their daily PM2.5 turn the change into good days");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "kctm: error: " << e.what() << " (see kctm --help)\n";
    return 2;
  }

  try {
    if (*config) {
      if (!print_default) {
        std::cerr << config->help();
        return 2;
      }
      std::cout << kctm::default_config_text();
      return 0;
    }
    if (*info) {
      Kokkos::ScopeGuard kokkos(argc, argv);
      std::cout << kctm::build_info();
      return 0;
    }
    if (*mechanism) {
      std::cout << kctm::mechanism_markdown();
      return 0;
    }
    if (*box) {
      const kctm::BoxConfig bc = kctm::read_box_config(box_config);
      Kokkos::ScopeGuard kokkos(argc, argv);
      const kctm::BoxRun r = kctm::run_box(bc);
      kctm::write_box_csv(r, box_out);
      spdlog::info("{} records; solver: {} steps, {} rejected, {} clipped, {} failed",
                   r.records.size(), r.solver_steps, r.rejected, r.clipped, r.failed);
      std::cout << "output: " << box_out << "\n";
      return r.failed == 0 ? 0 : 1;
    }
    if (*attain) {
      const kctm::Inventory& inventory = kctm::hengyang_2018_inventory();
      const kctm::Scenario scenario =
          kctm::read_scenario(attain_scenario, inventory.sectors, inventory.pollutants);
      const auto contributions = kctm::read_contributions(
          (std::filesystem::path(attain_run) / "kctm_sa_summary.csv").string());
      const std::vector<double> daily =
          attain_obs.empty() ? std::vector<double>{} : city_daily_pm25(attain_obs);
      auto years = kctm::project(scenario, contributions, daily);
      std::cout << kctm::attainment_table(scenario, years) << "\n";
      if (attain_rerun) {
        Kokkos::ScopeGuard kokkos(argc, argv);
        years = kctm::rerun_projection(attain_run, scenario, daily);
        std::cout << kctm::attainment_table(scenario, years, true) << "\n";
      }
      if (!attain_csv.empty()) {
        kctm::write_attainment_csv(attain_csv, scenario, years);
        std::cout << "output: " << attain_csv << "\n";
      }
      return 0;
    }
    if (*validate)
      return validate_and_report(validate_run, validate_obs, validate_stations, validate_limits,
                                 validate_out, special_months);
    kctm::Config cfg;
    if (*emissions) {
      if (!emissions_config.empty()) cfg.merge_file(emissions_config);
      for (const std::string& s : sets) cfg.set(s);
      const kctm::RunConfig rc = kctm::read_run_config(cfg);
      if (!summary && maps_path.empty()) {
        std::cerr << "kctm: error: emissions: give --summary or --write FILE (see kctm emissions "
                     "--help)\n";
        return 2;
      }
      if (summary) std::cout << kctm::emissions_summary(rc);
      if (!maps_path.empty()) {
        kctm::write_emission_maps(rc, maps_path);
        std::cout << "output: " << maps_path << "\n";
      }
      return 0;
    }
    if (*run) {
      cfg.merge_file(config_path);
    } else {
      cfg.set("time.hours=" + std::to_string(demo_hours));
      cfg.set("output.dir=" + demo_out);
    }
    for (const std::string& s : sets) cfg.set(s);
    return run_and_report(cfg, restart_file);
  } catch (const kctm::Error& e) {
    std::cerr << "kctm: error: " << e.what() << "\n";
    return 1;
  }
}
