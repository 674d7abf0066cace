// Uses the installed kctm: builds the default grid and prints its size.
#include <iostream>

#include "base/version.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"
#include "grids/global_grid.hpp"

int main() {
  const kctm::RunConfig config = kctm::read_run_config(kctm::Config());
  const kctm::GlobalGrid grid = kctm::GlobalGrid::from_spec(config.domain);
  std::cout << "kctm " << kctm::kVersion << ": default grid " << grid.nx() << " x " << grid.ny()
            << " x " << grid.nz() << "\n";
  return grid.nx() > 0 ? 0 : 1;
}
