// `kctm config --print-default`: the full default configuration, commented.
#include <iostream>
#include <memory>

#include "app/command.hpp"
#include "config/config.hpp"

namespace kctm::app {

Command add_config_command(CLI::App& app) {
  auto print_default = std::make_shared<bool>(false);
  CLI::App* config = app.add_subcommand("config", "show configuration");
  config->add_flag("--print-default", *print_default, "print the full default config, commented");
  return {config, [config, print_default] {
            if (!*print_default) {
              std::cerr << config->help();
              return 2;
            }
            std::cout << default_config_text();
            return 0;
          }};
}

}  // namespace kctm::app
