#pragma once
// The floor under the vertical diffusivity, column by column: the rural floor where no one lives
// densely, rising linearly with the column's urban share (inputs/urban_fraction.hpp) to the urban
// floor, as CMAQ's minimum Kz does with the cell's urban land share since version 4.7 (0.01 to
// 1 m2 s-1; Foley et al. 2010, Geosci. Model Dev. 3:205). A town keeps mixing at night where the
// countryside stratifies: the heat its buildings and streets stored by day keeps its surface
// layer near neutral (Oke 1982, Q. J. R. Meteorol. Soc. 108:1).
#include <cstddef>
#include <vector>

namespace kctm {

struct KzFloor {
  double rural_m2_s = 0;               ///< floor where the urban share is 0 [m2 s-1]
  double urban_m2_s = 0;               ///< floor where it is 1 [m2 s-1]
  std::vector<double> urban_fraction;  ///< interior columns (j, i) [0–1]; empty: all rural

  /// Whether it fits a block of `columns` interior columns.
  bool fits(std::size_t columns) const {
    return urban_fraction.empty() || urban_fraction.size() == columns;
  }
  /// The floor of interior column `column` [m2 s-1].
  double at(std::size_t column) const {
    const double f = urban_fraction.empty() ? 0.0 : urban_fraction[column];
    return rural_m2_s + (urban_m2_s - rural_m2_s) * f;
  }
};

}  // namespace kctm
