// `kctm info [CONFIG]`: versions, the Kokkos execution space and its threads, the data folder and
// the data sets in it; with a config, the run's grid, fields and memory estimate.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/command.hpp"
#include "app/info.hpp"
#include "config/config.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::app {

Command add_info_command(CLI::App& app, ProcessArgs args) {
  struct Options {
    std::string config;
    std::vector<std::string> sets;
    int ranks = 1;
    bool data_dir = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* info = app.add_subcommand(
      "info",
      "versions, Kokkos execution space and threads; with a config, the run's size and memory");
  info->add_option("config", o->config, "YAML config: print its grid, fields and memory estimate");
  info->add_option("--set", o->sets, "override a config key (repeatable)");
  info->add_option("--ranks", o->ranks, "MPI ranks the memory estimate assumes")
      ->check(CLI::Range(1, 100000));
  info->add_flag("--data-dir", o->data_dir, "print only the data folder (docs/DATA.md)");
  return {info, [args, o, info] {
            const bool with_run = !o->config.empty() || info->count("--set") > 0;
            const Config config = Config::layered(o->config, o->sets);
            if (o->data_dir) {
              std::cout << config.data_dir().path << "\n";
              return 0;
            }
            const RunConfig rc = read_run_config(config);
            Kokkos::ScopeGuard kokkos(args.argc, args.argv);
            std::cout << build_info() << data_info(config.data_dir());
            if (with_run) std::cout << run_info(rc, o->ranks);
            return 0;
          }};
}

}  // namespace kctm::app
