// `kctm attain RUN_DIR --scenario FILE`: the plan's targets projected from a run's source
// apportionment and a scenario, optionally rerun with the scenario's emissions.
#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/attainment.hpp"
#include "analysis/hourly_series.hpp"
#include "analysis/observations.hpp"
#include "analysis/standard_metrics.hpp"
#include "app/attainment_rerun.hpp"
#include "app/command.hpp"
#include "emissions/inventory.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::app {

namespace {

/// City daily mean PM2.5 of CNEMC observations (HJ 663-2013: the mean of the stations' valid
/// daily means) [ug m-3].
std::vector<double> city_daily_pm25(const std::string& obs_file) {
  const analysis::Observations obs = analysis::read_cnemc_wide(obs_file);
  std::vector<std::vector<analysis::DailyValue>> stations;
  for (const auto& [code, by_pollutant] : obs) {
    const auto pm = by_pollutant.find(analysis::Pollutant::kPm25);
    if (pm == by_pollutant.end() || pm->second.empty()) continue;
    stations.push_back(analysis::daily_means(analysis::make_hourly_series(
        pm->second, pm->second.begin()->first, pm->second.rbegin()->first)));
  }
  std::vector<double> daily;
  for (const analysis::DailyValue& d : analysis::city_daily_means(stations)) {
    if (std::isfinite(d.value)) daily.push_back(d.value);
  }
  return daily;
}

}  // namespace

Command add_attain_command(CLI::App& app, ProcessArgs args) {
  struct Options {
    std::string run_dir, scenario, obs, csv;
    bool rerun = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* attain = app.add_subcommand(
      "attain", "project the plan's targets from a run's source apportionment and a scenario");
  attain->add_option("run_dir", o->run_dir, "a run's output folder (kctm_sa_summary.csv)")
      ->required();
  attain->add_option("--scenario", o->scenario, "scenario YAML (e.g. scenarios/hengyang-plan.yaml)")
      ->required();
  attain->add_flag("--rerun", o->rerun,
                   "also rerun the model for each year with the scenario's emissions (nonlinear)");
  attain->add_option("--csv", o->csv, "also write the table as CSV (for the attainment chart)");
  attain->add_option("--obs", o->obs,
                     "CNEMC observations: their daily PM2.5 turn the change into good days");
  return {attain, [o, args] {
            const Inventory& inventory = hengyang_2018_inventory();
            const Scenario scenario =
                read_scenario(o->scenario, inventory.sectors, inventory.pollutants);
            const auto contributions = read_contributions(
                (std::filesystem::path(o->run_dir) / "kctm_sa_summary.csv").string());
            const std::vector<double> daily =
                o->obs.empty() ? std::vector<double>{} : city_daily_pm25(o->obs);
            auto years = project(scenario, contributions, daily);
            std::cout << attainment_table(scenario, years) << "\n";
            if (o->rerun) {
              Kokkos::ScopeGuard kokkos(args.argc, args.argv);
              years = rerun_projection(o->run_dir, scenario, daily);
              std::cout << attainment_table(scenario, years, true) << "\n";
            }
            if (!o->csv.empty()) {
              write_attainment_csv(o->csv, scenario, years);
              std::cout << "output: " << o->csv << "\n";
            }
            return 0;
          }};
}

}  // namespace kctm::app
