// `kctm mechanism`: the chemistry's reactions as a Markdown table.
#include <iostream>

#include "app/command.hpp"
#include "app/mechanism_table.hpp"

namespace kctm::app {

Command add_mechanism_command(CLI::App& app) {
  CLI::App* mechanism =
      app.add_subcommand("mechanism", "print the chemistry's reactions as a Markdown table");
  return {mechanism, [] {
            std::cout << mechanism_markdown();
            return 0;
          }};
}

}  // namespace kctm::app
