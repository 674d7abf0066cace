// kctm command line: parses the arguments and runs the chosen command (app/*_command.cpp).
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "app/command.hpp"
#include "base/error.hpp"
#include "io/checkpoint_file.hpp"
#include "parallel/decomposition.hpp"

int main(int argc, char** argv) {
  // Thread placement for OpenMP unless the user chose one (Kokkos warns when it is unset).
  setenv("OMP_PROC_BIND", "spread", 0);
  setenv("OMP_PLACES", "threads", 0);
  spdlog::set_pattern("[%H:%M:%S] %^%l%$: %v");
  kctm::keep_hdf5_files_at_exit();
  const kctm::MpiSession mpi(argc, argv);
  if (mpi.rank() > 0) spdlog::set_level(spdlog::level::warn);  // rank 0 reports

  CLI::App app{"kctm — a Kokkos chemical transport model kernel for the Hengyang attainment plan"};
  app.require_subcommand(1);
  using namespace kctm::app;
  const ProcessArgs args{argc, argv};
  const std::vector<Command> commands = {
      add_run_command(app),          add_demo_command(app),    add_box_command(app, args),
      add_mechanism_command(app),    add_config_command(app),  add_info_command(app, args),
      add_emissions_command(app),    add_climate_command(app), add_validate_command(app),
      add_attain_command(app, args), add_post_command(app)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "kctm: error: " << e.what() << " (see kctm --help)\n";
    return 2;
  }

  // One line on stderr (a library's message may span several) and exit 1; the other ranks may
  // wait for this one in a collective: end them all.
  auto say = [](std::string what) {
    std::replace(what.begin(), what.end(), '\n', ' ');
    std::cerr << "kctm: error: " << what << "\n";
  };
  auto fail = [&mpi, &say](const std::string& what) {
    say(what);
    if (mpi.size() > 1) mpi.abort_all(1);
    return 1;
  };
  try {
    for (const Command& command : commands) {
      if (*command.cli) return command.run();
    }
    return 2;
  } catch (const kctm::SharedError& e) {
    // Every rank has it, at the same point: rank 0 says it, and none waits for another.
    if (mpi.rank() == 0) say(e.what());
    return 1;
  } catch (const kctm::Error& e) {
    return fail(e.what());
  } catch (const std::exception& e) {
    // A failure no check foresaw (a library's exception) still ends in one line, not an abort.
    return fail(std::string("unexpected: ") + e.what());
  } catch (...) {
    return fail("unexpected: an exception of unknown type");
  }
}
