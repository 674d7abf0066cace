// `kctm climate`: the climatological weather's typical year, month by month (meteo.kind
// climatology's normals, seed and surface), or with --sample-days the days of each month that
// stand for it in a sampled year (meteo/sample_days.hpp).
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/command.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"
#include "grids/global_grid.hpp"
#include "grids/subdomain.hpp"
#include "meteo/climate_summary.hpp"
#include "meteo/sample_days.hpp"

namespace kctm::app {

Command add_climate_command(CLI::App& app) {
  struct Options {
    std::string config;
    std::vector<std::string> sets;
    int sample_days = 0, run_days = 1;
  };
  auto o = std::make_shared<Options>();
  CLI::App* climate = app.add_subcommand(
      "climate", "the climatological weather's typical year, month by month, at the city");
  climate->add_option("config", o->config, "YAML config (default: the built-in one)");
  climate->add_option("--set", o->sets, "override a config key (repeatable)");
  climate
      ->add_option("--sample-days", o->sample_days,
                   "print, a line per month, the month and the N days that stand for it "
                   "(rain, stagnant and dry days in their proportions)")
      ->check(CLI::Range(1, 28));
  climate
      ->add_option("--run-days", o->run_days,
                   "days each sampled run lasts: it must end by the 28th (default 1)")
      ->check(CLI::Range(1, 28));
  return {climate, [o] {
            const RunConfig rc = read_run_config(Config::layered(o->config, o->sets));
            const GlobalGrid grid = GlobalGrid::from_spec(rc.domain);
            const ClimatologyMeteo met(rc.climatology, grid, whole_domain(grid, 0));
            if (o->sample_days == 0) {
              std::cout << climate_table(climate_by_month(met));
              return 0;
            }
            for (int month = 1; month <= 12; ++month) {
              std::cout << month;
              for (int day : stratified_days(weather_of_days(met, month), o->sample_days,
                                             28 - o->run_days + 1)) {
                std::cout << ' ' << day;
              }
              std::cout << '\n';
            }
            return 0;
          }};
}

}  // namespace kctm::app
