// Briggs plume rise against hand-computed values (ISC3's final-rise formulas).
#include <gtest/gtest.h>

#include "emissions/plume_rise.hpp"

namespace kctm {
namespace {

TEST(PlumeRise, BriggsFinalRiseByStability) {
  const StackExit power = stack_of_type("coal_power");  // d 6 m, 20 m/s, 400 K
  // F = g × 20 × 36 × (400 − 280) / (4 × 400) = 529.56 m4/s3, g the standard gravity.
  EXPECT_NEAR(buoyancy_flux(power, 280.0), 529.559, 1e-3);
  // Neutral, F ≥ 55, u = 5 m/s: 38.71 × F^0.6 / 5 = 333.58 m.
  EXPECT_NEAR(briggs_plume_rise(power, 280.0, 5.0, 0.0), 333.58, 0.01);
  // Stable, dθ/dz = 0.02 K/m, u = 3 m/s: s = g/T × 0.02; 2.6 (F / (u s))^(1/3) = 164.23 m.
  EXPECT_NEAR(briggs_plume_rise(power, 280.0, 3.0, 0.02), 164.23, 0.01);
  // F < 55: d 2 m, 10 m/s, 400 K in 290 K air: F = 26.968; 21.425 F^0.75 / 4 m/s = 63.39 m.
  const StackExit small = stack_of_type("brick_kiln");
  EXPECT_NEAR(briggs_plume_rise(small, 290.0, 4.0, 0.0), 63.39, 0.01);
  // No buoyancy, no rise; calm wind counts as 1 m/s.
  EXPECT_EQ(briggs_plume_rise(small, 420.0, 4.0, 0.0), 0.0);
  EXPECT_DOUBLE_EQ(briggs_plume_rise(small, 290.0, 0.2, 0.0),
                   briggs_plume_rise(small, 290.0, 1.0, 0.0));
}

}  // namespace
}  // namespace kctm
