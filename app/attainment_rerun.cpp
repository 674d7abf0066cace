#include "app/attainment_rerun.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

#include "base/error.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"
#include "io/run_folder.hpp"
#include "run/driver.hpp"

namespace kctm {

namespace fs = std::filesystem;

namespace {

/// PM2.5 at `place` without the initial state, and the local sources' part of it [ug m-3].
std::pair<double, double> pm25_at(const std::string& run_dir, ApportionmentPlace place) {
  double total = 0, local = 0;
  for (const SourceContribution& c :
       read_contributions((fs::path(run_dir) / "kctm_sa_summary.csv").string(), place)) {
    if (c.category == "initial") continue;
    total += c.pm25;
    if (c.category == "local") local += c.pm25;
  }
  return {total, local};
}

}  // namespace

std::vector<YearProjection> rerun_projection(const std::string& run_dir, const Scenario& scenario,
                                             const std::vector<double>& daily_pm25,
                                             ApportionmentPlace place) {
  require_one_run(run_dir);
  const std::string yaml = recorded_config(run_dir);
  const double base = pm25_at(run_dir, place).first;
  if (!(base > 0)) {
    throw Error(run_dir,
                std::string("no PM2.5 ") + place_name(place) + " in the source apportionment");
  }
  std::vector<YearProjection> years;
  for (const auto& [year, phase] : scenario.phase) {
    Config c;
    c.merge_text(yaml, run_dir + ": kctm_config");
    std::string rules = c.get_string("emissions.scale");
    for (const auto& [sector, by_pollutant] : scenario.changes) {
      for (const auto& [pollutant, change] : by_pollutant) {
        rules += (rules.empty() ? "" : ", ") + sector + ":" + pollutant +
                 ":*=" + std::to_string(std::max(0.0, 1 + phase * change));
      }
    }
    const std::string out = (fs::path(run_dir) / ("attain-" + std::to_string(year))).string();
    c.set("emissions.scale=\"" + rules + "\"");
    c.set("output.dir=" + out);
    c.set("source_apportionment.enabled=true");
    spdlog::info("attain: rerunning {} with the {} measures into {}", run_dir, year, out);
    RunConfig rc = read_run_config(c);
    rc.overwrite = true;  // the folder of an earlier rerun of this scenario year
    run_simulation(rc);
    const auto [total, local] = pm25_at(out, place);
    years.push_back(year_projection(scenario, daily_pm25, year, total / base - 1, local / base));
  }
  return years;
}

}  // namespace kctm
