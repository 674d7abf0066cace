#pragma once
// A rank's block of the global grid, with halo cells around it. Local index (i, j) runs over
// [0, nx_with_halo()) with the interior at [halo, halo + nx); global index = i0 + i - halo.
#include <cstddef>
#include <vector>

#include "grids/global_grid.hpp"

namespace kctm {

struct Subdomain {
  int global_nx, global_ny;  ///< size of the global grid [cells]
  int i0, j0;                ///< global index of the first interior cell
  int nx, ny;                ///< interior size [cells]
  int halo;                  ///< halo width on each side [cells]

  int nx_with_halo() const { return nx + 2 * halo; }
  int ny_with_halo() const { return ny + 2 * halo; }
  /// Whether a side of the block is a side of the global domain (a lateral boundary).
  bool at_west() const { return i0 == 0; }
  bool at_east() const { return i0 + nx == global_nx; }
  bool at_south() const { return j0 == 0; }
  bool at_north() const { return j0 + ny == global_ny; }
  /// Global index of local (haloed) index.
  int global_i(int i_local) const { return i0 + i_local - halo; }
  int global_j(int j_local) const { return j0 + j_local - halo; }
};

/// Block `b`'s part (layer, j, i) of `global`, an array (layer, J, I) of `layers` layers over the
/// whole grid's interior, or with `haloed` over the whole grid's haloed extent (then the part is
/// the block's haloed extent).
template <class T>
std::vector<T> block_part(const std::vector<T>& global, const Subdomain& b, int layers = 1,
                          bool haloed = false) {
  const int h = haloed ? b.halo : 0;
  const std::size_t nx = b.nx + 2 * h, ny = b.ny + 2 * h;
  const std::size_t global_nx = b.global_nx + 2 * h, global_ny = b.global_ny + 2 * h;
  std::vector<T> out;
  out.reserve(static_cast<std::size_t>(layers) * ny * nx);
  for (std::size_t l = 0; l < static_cast<std::size_t>(layers); ++l) {
    for (std::size_t j = 0; j < ny; ++j) {
      const auto row = global.begin() +
                       static_cast<std::ptrdiff_t>((l * global_ny + b.j0 + j) * global_nx + b.i0);
      out.insert(out.end(), row, row + static_cast<std::ptrdiff_t>(nx));
    }
  }
  return out;
}

/// The whole global grid as one block (one rank).
Subdomain whole_domain(const GlobalGrid& grid, int halo);

/// A px × py block decomposition: block (bx, by) is rank bx + px * by; sizes differ by at most one
/// cell, or in x by at most `align_x` cells when every block must start at a multiple of
/// `align_x` (the chemistry solves groups of that many cells along x together). Throws
/// kctm::Error when a block would be narrower than the halo.
std::vector<Subdomain> block_decomposition(const GlobalGrid& grid, int px, int py, int halo,
                                           int align_x = 1);

}  // namespace kctm
