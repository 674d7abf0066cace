// `kctm validate RUN_DIR... [--obs FILE]`: one run, or the runs of a sampled year together, against
// station observations (docs/VALIDATION.md); exit 3 when a limit is crossed.
#include <spdlog/spdlog.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "analysis/validation.hpp"
#include "app/command.hpp"
#include "base/data_dir.hpp"
#include "base/error.hpp"
#include "base/input_file.hpp"
#include "io/station_extraction.hpp"

namespace kctm::app {

namespace {

struct ValidateOptions {
  std::vector<std::string> run_dirs;
  std::string obs_file, stations_file, limits_file, out_dir = "validation";
  std::vector<int> special_months = {11, 12, 1, 2};
};

int validate_and_report(ValidateOptions o) {
  namespace fs = std::filesystem;
  if (o.obs_file.empty()) o.obs_file = expand_data_path(kObservationsPath, find_data_dir("").path);
  const std::string stations_file =
      o.stations_file.empty() ? (fs::path(o.obs_file).parent_path() / "stations.csv").string()
                              : o.stations_file;
  const std::vector<analysis::Station> stations = analysis::read_stations(stations_file);
  require_input_file(o.obs_file, "observation file", "--obs");
  std::ifstream in(o.obs_file);
  std::string header;
  if (!in || !std::getline(in, header)) throw Error(o.obs_file, "cannot read the observations");
  const analysis::Observations obs = header.rfind("date,hour,type", 0) == 0
                                         ? analysis::read_cnemc_wide(o.obs_file)
                                         : analysis::read_long_csv(o.obs_file);
  const ValidationLimits limits =
      o.limits_file.empty() ? ValidationLimits{} : read_validation_limits(o.limits_file);
  const analysis::Observations model = model_at_stations(o.run_dirs, stations);
  const Validation v = validate(model, obs, limits, o.obs_file, o.limits_file);
  std::string runs;
  for (const std::string& d : o.run_dirs) runs += (runs.empty() ? "" : ", ") + d;
  write_validation(o.out_dir, v, model, obs, runs, o.obs_file, o.special_months);
  for (const MetricRow& r : v.rows) {
    if (r.station != "all" || r.month != "all") continue;
    spdlog::info("{}", summary_line(r));
  }
  for (const std::string& c : v.crossed) spdlog::warn("limit crossed: {}", c);
  std::cout << "report: " << (fs::path(o.out_dir) / "report.md").string() << "\n";
  return v.crossed.empty() ? 0 : 3;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto o = std::make_shared<ValidateOptions>();
  CLI::App* validate = app.add_subcommand(
      "validate", "compare a run with station observations; exit 3 when a limit is crossed");
  validate
      ->add_option("run_dirs", o->run_dirs,
                   "the run's output folder, or several (a sampled year's runs), whose hours "
                   "must not overlap")
      ->required();
  validate->add_option("--obs", o->obs_file,
                       "observations: CNEMC layout (date,hour,type,<stations>) or the long CSV "
                       "(station,time,pollutant,value,unit); default: the Hengyang stations' "
                       "January-June 2019 in the data folder (kctm info)");
  validate->add_option("--stations", o->stations_file,
                       "stations CSV (code, lon, lat); default: stations.csv beside --obs");
  validate->add_option("--limits", o->limits_file,
                       "YAML limits per pollutant (e.g. examples/validation_limits.yaml)");
  validate->add_option("--out", o->out_dir, "report folder");
  validate
      ->add_option("--special-months", o->special_months,
                   "months of the special-control period (特护期), default 11 12 1 2")
      ->check(CLI::Range(1, 12));
  return {validate, [o] { return validate_and_report(*o); }};
}

}  // namespace kctm::app
