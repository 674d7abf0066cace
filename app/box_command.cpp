// `kctm box CONFIG`: the chemistry in one cell over a day's sun and temperature, as a CSV series.
#include <spdlog/spdlog.h>

#include <iostream>
#include <memory>
#include <string>

#include "app/box_model.hpp"
#include "app/command.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::app {

Command add_box_command(CLI::App& app, ProcessArgs args) {
  struct Options {
    std::string config, out = "box.csv";
  };
  auto o = std::make_shared<Options>();
  CLI::App* box = app.add_subcommand("box", "run the chemistry in one cell, write a CSV series");
  box->add_option("config", o->config, "YAML box config (see examples/box_polluted_urban.yaml)")
      ->required();
  box->add_option("--out", o->out, "output CSV file");
  return {box, [o, args] {
            const BoxConfig bc = read_box_config(o->config);
            Kokkos::ScopeGuard kokkos(args.argc, args.argv);
            const BoxRun r = run_box(bc);
            write_box_csv(r, o->out);
            spdlog::info("{} records; solver: {} steps, {} rejected, {} clipped, {} failed",
                         r.records.size(), r.solver_steps, r.rejected, r.clipped, r.failed);
            std::cout << "output: " << o->out << "\n";
            return r.failed == 0 ? 0 : 1;
          }};
}

}  // namespace kctm::app
