#pragma once
// At which heights each sector's area emissions enter the air: shares of the sector's emissions in
// height bands above the ground (built in: emissions/data/release_heights.yaml, Bieser et al.
// 2011), spread onto the model's layers. A sector the table does not name releases in the ground
// layer.
#include <map>
#include <string>
#include <vector>

#include "grids/vertical_levels.hpp"

namespace kctm {

struct ReleaseHeights {
  std::string where;                ///< the table's file, for errors
  std::vector<double> band_tops_m;  ///< tops of the bands, ascending; the first starts at 0 [m]
  std::map<std::string, std::vector<double>> shares;  ///< per sector and band [1, sum 1]

  /// The share of `sector`'s emissions in each layer of `levels` [1, summing to 1]: a band's
  /// share spread evenly over its height, the part above the model top in the top layer.
  std::vector<double> layer_shares(const std::string& sector, const VerticalLevels& levels) const;
};

/// Parses a table (layout of the built-in file); errors name `where` and the key.
ReleaseHeights parse_release_heights(const std::string& yaml_text, const std::string& where);

/// The built-in table, parsed once.
const ReleaseHeights& builtin_release_heights();

/// The built-in table when `path` is empty, else the file at `path`.
ReleaseHeights load_release_heights(const std::string& path);

}  // namespace kctm
