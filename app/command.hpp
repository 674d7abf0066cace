#pragma once
// A subcommand of the kctm command line: its options on the parser, and what it does when chosen.
// One file per command (app/*_command.cpp); app/main.cpp parses and dispatches only.
#include <CLI/CLI.hpp>
#include <functional>

namespace kctm::app {

struct Command {
  CLI::App* cli;             ///< the subcommand, with its options
  std::function<int()> run;  ///< what it does once the command line is parsed: the exit status
};

/// The process's arguments, passed on to Kokkos (threads, devices).
struct ProcessArgs {
  int& argc;
  char**& argv;
};

Command add_run_command(CLI::App& app);
Command add_demo_command(CLI::App& app);
Command add_box_command(CLI::App& app, ProcessArgs args);
Command add_mechanism_command(CLI::App& app);
Command add_config_command(CLI::App& app);
Command add_info_command(CLI::App& app, ProcessArgs args);
Command add_emissions_command(CLI::App& app);
Command add_climate_command(CLI::App& app);
Command add_validate_command(CLI::App& app);
Command add_attain_command(CLI::App& app, ProcessArgs args);
Command add_post_command(CLI::App& app);

}  // namespace kctm::app
