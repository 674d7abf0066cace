// `kctm emissions`: the emission inventory on the grid, as a table or as annual maps.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/command.hpp"
#include "app/emission_maps.hpp"
#include "app/emissions_summary.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"

namespace kctm::app {

Command add_emissions_command(CLI::App& app) {
  struct Options {
    bool summary = false;
    std::string config, maps_path;
    std::vector<std::string> sets;
  };
  auto o = std::make_shared<Options>();
  CLI::App* emissions = app.add_subcommand("emissions", "the emission inventory on the grid");
  emissions->add_flag("--summary", o->summary, "print the inventory table and the gridded check");
  emissions->add_option("--write", o->maps_path,
                        "write annual emissions per sector and pollutant to this NetCDF file");
  emissions->add_option("config", o->config, "YAML config (default: the built-in one)");
  emissions->add_option("--set", o->sets, "override a config key (repeatable)");
  return {emissions, [o] {
            const RunConfig rc = read_run_config(Config::layered(o->config, o->sets));
            if (!o->summary && o->maps_path.empty()) {
              std::cerr << "kctm: error: emissions: give --summary or --write FILE (see kctm "
                           "emissions --help)\n";
              return 2;
            }
            if (o->summary) std::cout << emissions_summary(rc);
            if (!o->maps_path.empty()) {
              write_emission_maps(rc, o->maps_path);
              std::cout << "output: " << o->maps_path << "\n";
            }
            return 0;
          }};
}

}  // namespace kctm::app
