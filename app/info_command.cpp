// `kctm info`: versions, the Kokkos execution space and its threads.
#include <iostream>

#include "app/command.hpp"
#include "app/info.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::app {

Command add_info_command(CLI::App& app, ProcessArgs args) {
  CLI::App* info = app.add_subcommand("info", "versions, Kokkos execution space and threads");
  return {info, [args] {
            Kokkos::ScopeGuard kokkos(args.argc, args.argv);
            std::cout << build_info();
            return 0;
          }};
}

}  // namespace kctm::app
