#pragma once
// Terrain-following vertical levels: layer interfaces given as heights above the ground [m]
// (z = terrain + zeta; the terrain height comes with the meteorology).
#include <vector>

namespace kctm {

class VerticalLevels {
 public:
  /// `interfaces_m` starts at 0 and increases strictly; nz = size - 1. Throws kctm::Error
  /// otherwise, naming `key`.
  VerticalLevels(std::vector<double> interfaces_m, const char* key = "grid.levels_m");

  int nz() const { return static_cast<int>(interfaces_m_.size()) - 1; }
  double interface_m(int k) const { return interfaces_m_[k]; }  ///< bottom of layer k [m]
  double thickness_m(int k) const { return interfaces_m_[k + 1] - interfaces_m_[k]; }    ///< [m]
  double mid_m(int k) const { return 0.5 * (interfaces_m_[k] + interfaces_m_[k + 1]); }  ///< [m]
  /// Layer holding height z above ground (clamped to the model layers).
  int layer_of_height(double z_m) const;
  /// Share of each layer that lies below height z above ground, 0 to 1.
  std::vector<double> shares_below(double z_m) const;
  const std::vector<double>& interfaces_m() const { return interfaces_m_; }

 private:
  std::vector<double> interfaces_m_;
};

}  // namespace kctm
