// `kctm climate`: the climatological weather's typical year, month by month (meteo.kind
// climatology's normals, seed and surface), or with --sample-days the days of each month that
// stand for it in a sampled year (meteo/sample_days.hpp), each with the spin-up it needs
// (meteo/spinup_days.hpp) when --spinup-days is given.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/command.hpp"
#include "base/error.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"
#include "grids/global_grid.hpp"
#include "grids/subdomain.hpp"
#include "meteo/climate_summary.hpp"
#include "meteo/sample_days.hpp"
#include "meteo/spinup_days.hpp"

namespace kctm::app {

Command add_climate_command(CLI::App& app) {
  struct Options {
    std::string config;
    std::vector<std::string> sets;
    int sample_days = 0, run_days = 1, spinup_days = -1, spinup_max = 5;
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
  climate
      ->add_option("--spinup-days", o->spinup_days,
                   "with --sample-days: print each day as DAY:SPINUP, the days of spin-up it "
                   "needs for the air over the domain's centre to have come in since (the boundary "
                   "layer's wind's back trajectory leaves the domain), at least this many")
      ->check(CLI::Range(0, 28));
  climate
      ->add_option("--spinup-max", o->spinup_max,
                   "the most days of spin-up --spinup-days may give (default 5)")
      ->check(CLI::Range(0, 28));
  return {climate, [o] {
            if (o->spinup_days >= 0 && o->sample_days == 0) {
              throw Error("--spinup-days", "goes with --sample-days");
            }
            if (o->spinup_days > o->spinup_max) {
              throw Error("--spinup-days",
                          "more than --spinup-max (" + std::to_string(o->spinup_max) + ")");
            }
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
                if (o->spinup_days < 0) continue;
                std::cout << ':'
                          << spinup_days_to_clear(
                                 [&](UnixSeconds t) { return met.mixed_layer_wind(t); },
                                 local_midnight({2019, month, day}, kBeijingUtcOffsetS),
                                 0.5 * grid.nx() * grid.dx_m(), 0.5 * grid.ny() * grid.dy_m(),
                                 o->spinup_days, o->spinup_max);
              }
              std::cout << '\n';
            }
            return 0;
          }};
}

}  // namespace kctm::app
