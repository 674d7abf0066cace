// `kctm attain RUN_DIR... --scenario FILE`: the plan's targets projected from the source
// apportionment of a run, or of a sampled year's runs together, and a scenario; optionally one
// run rerun with the scenario's emissions.
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/attainment.hpp"
#include "analysis/hourly_series.hpp"
#include "analysis/observations.hpp"
#include "analysis/plan_apportionment.hpp"
#include "analysis/standard_metrics.hpp"
#include "app/attainment_rerun.hpp"
#include "app/command.hpp"
#include "base/error.hpp"
#include "emissions/inventory.hpp"
#include "io/output_dir.hpp"
#include "io/run_folder.hpp"
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

/// The month a run's output starts in, from its first kctm_sa_YYYYMMDD.nc; 0 when the folder
/// holds its summary only.
int first_month(const std::string& dir) {
  const std::vector<std::string> days = finished_day_files(dir, "kctm_sa");
  if (days.empty()) return 0;
  const std::string name = std::filesystem::path(days.front()).filename().string();
  return std::stoi(name.substr(std::string("kctm_sa_YYYY").size(), 2));
}

/// Each run's contributions at `place` (each folder one run's), with its month.
std::vector<RunContributions> runs_contributions(const std::vector<std::string>& run_dirs,
                                                 ApportionmentPlace place) {
  require_distinct_folders(run_dirs);
  std::vector<RunContributions> runs;
  for (const std::string& dir : run_dirs) {
    require_one_run(dir);
    runs.push_back(
        {first_month(dir),
         read_contributions((std::filesystem::path(dir) / "kctm_sa_summary.csv").string(), place)});
  }
  return runs;
}

/// The runs' contributions averaged, each run weighing the same.
std::vector<SourceContribution> mean_of(const std::vector<RunContributions>& runs) {
  std::vector<std::vector<SourceContribution>> sources;
  for (const RunContributions& r : runs) sources.push_back(r.sources);
  return mean_contributions(sources);
}

/// The model's own PM2.5 [ug m-3]: every source's, and the initial air's part of it.
std::pair<double, double> model_pm25(const std::vector<SourceContribution>& contributions) {
  double total = 0, initial = 0;
  for (const SourceContribution& c : contributions) {
    total += c.pm25;
    if (c.category == "initial") initial += c.pm25;
  }
  return {total, initial};
}

}  // namespace

Command add_attain_command(CLI::App& app, ProcessArgs args) {
  struct Options {
    std::vector<std::string> run_dirs;
    std::string scenario, obs, csv, at = "auto";
    bool rerun = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* attain = app.add_subcommand(
      "attain", "project the plan's targets from a run's source apportionment and a scenario");
  attain
      ->add_option("run_dirs", o->run_dirs,
                   "a run's output folder (kctm_sa_summary.csv), or a sampled year's folders: "
                   "their apportionment averaged")
      ->required();
  attain
      ->add_option("--at", o->at,
                   "where the apportionment is read: stations (the monitoring stations' mean, "
                   "where the plan's base was measured), area (the city's area), or auto: "
                   "stations when the runs recorded them")
      ->check(CLI::IsMember({"auto", "stations", "area"}));
  attain->add_option("--scenario", o->scenario, "scenario YAML (e.g. scenarios/hengyang-plan.yaml)")
      ->required();
  attain->add_flag("--rerun", o->rerun,
                   "also rerun the model for each year with the scenario's emissions (nonlinear)");
  attain->add_option("--csv", o->csv, "also write the table as CSV (for the attainment chart)");
  attain->add_option("--obs", o->obs,
                     "CNEMC observations: their daily PM2.5 turn the change into good days");
  return {
      attain, [o, args] {
        const Inventory& inventory = hengyang_2018_inventory();
        const Scenario scenario =
            read_scenario(o->scenario, inventory.sectors, inventory.pollutants);
        if (o->rerun && o->run_dirs.size() != 1) {
          throw Error("--rerun",
                      "reruns one run's folder, got " + std::to_string(o->run_dirs.size()));
        }
        const bool stations =
            o->at == "stations" ||
            (o->at == "auto" &&
             summary_has_stations(
                 (std::filesystem::path(o->run_dirs.front()) / "kctm_sa_summary.csv").string()));
        const ApportionmentPlace place =
            stations ? ApportionmentPlace::Stations : ApportionmentPlace::CityArea;
        const std::vector<RunContributions> runs = runs_contributions(o->run_dirs, place);
        const auto contributions = mean_of(runs);
        const std::vector<double> daily =
            o->obs.empty() ? std::vector<double>{} : city_daily_pm25(o->obs);
        auto years = project(scenario, contributions, daily);
        std::cout << "apportionment " << place_name(place) << ", mean of " << o->run_dirs.size()
                  << " run(s)\n"
                  << attainment_table(scenario, years) << "\n";
        const auto [model, initial] = model_pm25(contributions);
        std::cout << fmt::format(
            "model PM2.5 {}: {:.1f} ug/m3 ({:.0f} % of it still initial air), against the "
            "observed base {:.1f} ug/m3: {:+.0f} %\n",
            place_name(place), model, model > 0 ? 100 * initial / model : 0.0, scenario.base_annual,
            100 * (model / scenario.base_annual - 1));
        if (place == ApportionmentPlace::Stations) {
          const auto area = project(
              scenario, mean_of(runs_contributions(o->run_dirs, ApportionmentPlace::CityArea)),
              daily);
          std::string line = "the same projection over the city area:";
          for (const YearProjection& y : area) {
            line += fmt::format(" {} {:.1f} ug/m3 ({:+.1f} %);", y.year, y.annual, 100 * y.change);
          }
          std::cout << line << "\n";
        }
        std::cout << "\nthe apportionment " << place_name(place)
                  << " beside the plan's for 2018 (section 2.(1).2):\n"
                  << apportionment_beside_plan(apportionment_shares(contributions)) << "\nby month "
                  << place_name(place) << " [ug/m3]:\n"
                  << month_table(apportionment_by_month(runs));
        if (o->rerun) {
          Kokkos::ScopeGuard kokkos(args.argc, args.argv);
          years = rerun_projection(o->run_dirs.front(), scenario, daily, place);
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
