// `kctm climate`: the climatological weather's typical year, month by month (meteo.kind
// climatology's normals, seed and surface).
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

namespace kctm::app {

Command add_climate_command(CLI::App& app) {
  struct Options {
    std::string config;
    std::vector<std::string> sets;
  };
  auto o = std::make_shared<Options>();
  CLI::App* climate = app.add_subcommand(
      "climate", "the climatological weather's typical year, month by month, at the city");
  climate->add_option("config", o->config, "YAML config (default: the built-in one)");
  climate->add_option("--set", o->sets, "override a config key (repeatable)");
  return {climate, [o] {
            const RunConfig rc = read_run_config(Config::layered(o->config, o->sets));
            const GlobalGrid grid = GlobalGrid::from_spec(rc.domain);
            const ClimatologyMeteo met(rc.climatology, grid, whole_domain(grid, 0));
            std::cout << climate_table(climate_by_month(met));
            return 0;
          }};
}

}  // namespace kctm::app
