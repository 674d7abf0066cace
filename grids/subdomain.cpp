#include "grids/subdomain.hpp"

#include <algorithm>
#include <string>

#include "base/error.hpp"

namespace kctm {

Subdomain whole_domain(const GlobalGrid& grid, int halo) {
  return {grid.nx(), grid.ny(), 0, 0, grid.nx(), grid.ny(), halo};
}

namespace {
// Start of block b of `blocks` over n cells: the first n % blocks blocks get one cell more.
int block_start(int n, int blocks, int b) {
  return b * (n / blocks) + (b < n % blocks ? b : n % blocks);
}
}  // namespace

std::vector<Subdomain> block_decomposition(const GlobalGrid& grid, int px, int py, int halo,
                                           int align_x) {
  // x in units of align_x cells (the last one may be short).
  const int units = (grid.nx() + align_x - 1) / align_x;
  auto x_start = [&](int bx) { return std::min(grid.nx(), block_start(units, px, bx) * align_x); };
  int narrowest = grid.nx();
  for (int bx = 0; bx < px; ++bx) narrowest = std::min(narrowest, x_start(bx + 1) - x_start(bx));
  if (px < 1 || py < 1 || units < px || narrowest < halo || grid.ny() / py < halo) {
    throw Error("decomposition",
                "cannot split " + std::to_string(grid.nx()) + "x" + std::to_string(grid.ny()) +
                    " cells into " + std::to_string(px) + "x" + std::to_string(py) + " blocks",
                "each block needs at least " + std::to_string(halo) + " cells per side");
  }
  std::vector<Subdomain> blocks;
  for (int by = 0; by < py; ++by) {
    for (int bx = 0; bx < px; ++bx) {
      const int i0 = x_start(bx), i1 = x_start(bx + 1);
      const int j0 = block_start(grid.ny(), py, by), j1 = block_start(grid.ny(), py, by + 1);
      blocks.push_back({grid.nx(), grid.ny(), i0, j0, i1 - i0, j1 - j0, halo});
    }
  }
  return blocks;
}

}  // namespace kctm
