#pragma once
// An isothermal atmosphere for the placeholder and idealised meteorology.
#include <cmath>

namespace kctm {

constexpr double kRhoSurface_kg_m3 = 1.2;  // sea-level air density, rounded [kg m-3]
constexpr double kScaleHeight_m = 8400.0;  // isothermal scale height R T / g at ~287 K [m]

/// Air density at height z [kg m-3].
inline double isothermal_density_kg_m3(double z_m) {
  return kRhoSurface_kg_m3 * std::exp(-z_m / kScaleHeight_m);
}

}  // namespace kctm
