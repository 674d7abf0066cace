#include "state/initial_shapes.hpp"

#include <algorithm>
#include <cmath>

#include "base/constants.hpp"
#include "base/error.hpp"

namespace kctm {

double initial_shape_kg_kg(const InitialShapeConfig& c, double x, double y, double lx, double ly) {
  constexpr double kPi = constants::kPi;
  const double r = c.radius * std::min(lx, ly);
  const double dx = x - c.center_x * lx, dy = y - c.center_y * ly;
  const double d = std::hypot(dx, dy);
  double shape = 0;
  if (c.shape == "gaussian") {
    shape = std::exp(-2 * d * d / (r * r));
  } else if (c.shape == "cosine_bell") {
    shape = d < r ? 0.5 * (1 + std::cos(kPi * d / r)) : 0.0;
  } else if (c.shape == "cone") {
    shape = d < r ? 1 - d / r : 0.0;
  } else if (c.shape == "slotted_cylinder") {
    const bool in_slot = std::abs(dx) < 0.15 * r && dy < 2.0 * r / 3.0;
    shape = d < r && !in_slot ? 1.0 : 0.0;
  } else if (c.shape != "none") {
    throw Error("tracer.initial.shape", "unknown shape '" + c.shape + "'",
                "none, gaussian, cosine_bell, cone or slotted_cylinder");
  }
  return 1e-9 * c.peak_ug_kg * shape;
}

}  // namespace kctm
