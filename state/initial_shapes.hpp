#pragma once
// Initial tracer fields for the idealised test cases (LeVeque 1996; Zalesak 1979), placed on the
// run's grid in coordinates relative to its south-west corner.
#include "config/run_config.hpp"

namespace kctm {

/// Mixing ratio of the shape at (x, y) metres from the south-west corner of an lx × ly domain
/// [kg kg-1]. Shapes of radius r, distance d from the centre:
///   gaussian: exp(−2 d²/r²) (σ = r/2); cosine_bell: ½(1 + cos πd/r) inside r; cone: 1 − d/r inside
///   r; slotted_cylinder: 1 inside r except a slot of half-width 0.15 r below y_c + 2r/3 (the
///   proportions of LeVeque's and Zalesak's slotted disk). Throws kctm::Error for an unknown shape.
double initial_shape_kg_kg(const InitialShapeConfig& c, double x, double y, double lx, double ly);

}  // namespace kctm
