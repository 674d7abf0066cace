#include "grids/vertical_levels.hpp"

#include <algorithm>
#include <string>

#include "base/error.hpp"

namespace kctm {

VerticalLevels::VerticalLevels(std::vector<double> interfaces_m, const char* key)
    : interfaces_m_(std::move(interfaces_m)) {
  if (interfaces_m_.size() < 2) {
    throw Error(key, "needs at least two interfaces", "e.g. [0, 50, 150, ...]");
  }
  if (interfaces_m_.front() != 0.0) {
    throw Error(key, "the first interface must be the ground, 0 m",
                "got " + std::to_string(interfaces_m_.front()));
  }
  for (std::size_t k = 1; k < interfaces_m_.size(); ++k) {
    if (!(interfaces_m_[k] > interfaces_m_[k - 1])) {
      throw Error(key, "interfaces must increase strictly",
                  "entry " + std::to_string(k) + " is not above entry " + std::to_string(k - 1));
    }
  }
}

int VerticalLevels::layer_of_height(double z_m) const {
  const auto it = std::upper_bound(interfaces_m_.begin(), interfaces_m_.end(), z_m);
  const int k = static_cast<int>(it - interfaces_m_.begin()) - 1;
  return std::clamp(k, 0, nz() - 1);
}

std::vector<double> VerticalLevels::shares_below(double z_m) const {
  std::vector<double> share(nz());
  for (int k = 0; k < nz(); ++k) {
    share[k] = std::clamp((z_m - interface_m(k)) / thickness_m(k), 0.0, 1.0);
  }
  return share;
}

}  // namespace kctm
