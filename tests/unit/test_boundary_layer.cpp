// Boundary-layer and solar diagnostics against values computed by hand from the published formulas.
#include <gtest/gtest.h>

#include <cmath>

#include "base/civil_time.hpp"
#include "base/constants.hpp"
#include "kernels/boundary_layer.hpp"
#include "kernels/solar.hpp"

namespace kctm {

TEST(BoundaryLayer, NeutralSurfaceLayer) {
  // u* = κ U / ln(z/z0) = 0.4 × 5 / ln(100) = 0.43429; ra = ln(100) / (κ u*) = 26.509 s/m.
  const double ustar = bl::friction_velocity(5.0, 10.0, 0.1, bl::kNeutralL);
  EXPECT_NEAR(ustar, 0.43429, 1e-5);
  EXPECT_NEAR(bl::aerodynamic_resistance(10.0, 0.1, ustar, bl::kNeutralL), 26.509, 1e-3);
  // Zero heat flux is neutral: the iteration keeps the neutral u*.
  const bl::SurfaceLayer s = bl::surface_layer(5.0, 10.0, 0.1, 0.0, 1.2, 290.0);
  EXPECT_NEAR(s.ustar_m_s, 0.43429, 1e-5);
  EXPECT_EQ(s.l_m, bl::kNeutralL);
  // Kz = κ u* z (1 − z/h)² = 0.4 × 0.43429 × 100 × 0.81 = 14.071 m2/s.
  EXPECT_NEAR(bl::kz_holtslag_boville(100.0, 1000.0, ustar, bl::kNeutralL, 0.0), 14.071, 1e-3);
}

TEST(BoundaryLayer, ObukhovLengthAndConvectiveVelocity) {
  // H = 200 W/m2, ρ = 1.2, cp = 7/2 R_d: w'θ' = 0.165887 K m/s; with g the standard gravity,
  // L = −0.3³ × 300 / (0.4 g w'θ') = −12.4478 m; w* = (g / 300 × 0.165887 × 1000)^(1/3) =
  // 5.42264^(1/3) = 1.75686 m/s.
  const double flux = 200.0 / (1.2 * constants::kCpDryAir);
  EXPECT_NEAR(flux, 0.165887, 1e-6);
  EXPECT_NEAR(bl::obukhov_length(0.3, 300.0, flux), -12.4478, 1e-3);
  EXPECT_NEAR(bl::convective_velocity(1000.0, 300.0, flux), 1.75686, 1e-4);
  EXPECT_EQ(bl::convective_velocity(1000.0, 300.0, -flux), 0.0);
  EXPECT_GT(bl::obukhov_length(0.3, 300.0, -flux), 0.0) << "downward heat flux: stable";
}

TEST(BoundaryLayer, StableProfile) {
  // u* = 0.2, L = 50, h = 200: Kz(20) = 0.4 × 0.2 × 20 × 0.9² / (1 + 5 × 0.4) = 0.432 m2/s;
  // beyond z/L = 1 the denominator is 5 + z/L: Kz(100) with L = 50 → 0.4×0.2×100×0.25/(5+2) =
  // 0.28571.
  EXPECT_NEAR(bl::kz_holtslag_boville(20.0, 200.0, 0.2, 50.0, 0.0), 0.432, 1e-9);
  EXPECT_NEAR(bl::kz_holtslag_boville(100.0, 200.0, 0.2, 50.0, 0.0), 0.285714, 1e-6);
  EXPECT_EQ(bl::kz_holtslag_boville(250.0, 200.0, 0.2, 50.0, 0.0), 0.0)
      << "above the boundary layer";
  // Stable: ψm = −5ζ, so u* = κU / (ln(z/z0) + 5 (z − z0)/L) = 2 / (4.6052 + 0.99) = 0.35746.
  EXPECT_NEAR(bl::friction_velocity(5.0, 10.0, 0.1, 50.0), 0.35746, 1e-5);
}

TEST(BoundaryLayer, AerodynamicResistanceByStability) {
  // The dry-deposition input ra = (ln(z/z0) − ψh(z/L) + ψh(z0/L)) / (κ u*), z = 10 m, z0 = 0.1 m,
  // u* = 0.3 m/s. Stable, L = 50: ψh = −5ζ → (4.60517 + 1 − 0.01) / 0.12 = 46.6264 s/m.
  EXPECT_NEAR(bl::aerodynamic_resistance(10.0, 0.1, 0.3, 50.0), 46.6264, 1e-3);
  // Unstable, L = −20: ψh(−0.5) = 2 ln((1 + √9)/2) = 1.386294, ψh(−0.005) = 2 ln((1 + √1.08)/2)
  // = 0.038851 → (4.60517 − 1.386294 + 0.038851) / 0.12 = 27.1477 s/m.
  EXPECT_NEAR(bl::aerodynamic_resistance(10.0, 0.1, 0.3, -20.0), 27.1477, 1e-3);
  // Neutral in between: ln(100) / 0.12 = 38.3764 s/m.
  EXPECT_NEAR(bl::aerodynamic_resistance(10.0, 0.1, 0.3, bl::kNeutralL), 38.3764, 1e-3);
}

TEST(BoundaryLayer, UnstableProfile) {
  // u* = 0.3, L = −20, h = 1000.
  // Surface layer, z = 50: κ u* z (1 − 0.05)² × (1 − 15 × 50/−20)^(1/2) = 5.415 × 6.2048 = 33.599.
  EXPECT_NEAR(bl::kz_holtslag_boville(50.0, 1000.0, 0.3, -20.0, 2.0), 33.599, 1e-3);
  // Mixed layer, z = 500, w* = 2: x = 1 + 75 = 76, φm⁻¹ = 4.2358, φh⁻¹ = 8.7178, w_m = 1.27073;
  // Pr = 0.48588 + 0.288 × 2 / 1.27073 = 0.93917; Kz = 0.4 × 1.27073 × 500 × 0.25 / Pr = 67.652.
  EXPECT_NEAR(bl::kz_holtslag_boville(500.0, 1000.0, 0.3, -20.0, 2.0), 67.652, 1e-2);
  // Unstable: more mixing and a larger u* than neutral for the same wind.
  EXPECT_GT(bl::friction_velocity(5.0, 10.0, 0.1, -20.0), 0.43429);
  const bl::SurfaceLayer s = bl::surface_layer(3.0, 10.0, 0.5, 300.0, 1.15, 305.0);
  EXPECT_LT(s.l_m, 0.0);
  EXPECT_TRUE(std::isfinite(s.ustar_m_s) && s.ustar_m_s > 0);
  // Self-consistent: L recomputed from the converged u* is the converged L.
  EXPECT_NEAR(bl::obukhov_length(s.ustar_m_s, 305.0, 300.0 / (1.15 * constants::kCpDryAir)), s.l_m,
              1e-6 * std::abs(s.l_m));
}

TEST(Solar, ZenithAngleAtHengyang) {
  UnixSeconds t = 0;
  // Hengyang (26.9 N, 112.6 E): true solar noon is near 12:30 UTC+8 minus the equation of time.
  ASSERT_TRUE(parse_iso8601("2019-06-21T04:30:00Z", t));  // 12:30 Beijing time, near solstice noon
  const double summer = std::acos(cos_solar_zenith(t, 26.9, 112.6)) * constants::kRadToDeg;
  EXPECT_NEAR(summer, 26.9 - 23.44, 0.6);
  ASSERT_TRUE(parse_iso8601("2019-12-22T04:30:00Z", t));
  const double winter = std::acos(cos_solar_zenith(t, 26.9, 112.6)) * constants::kRadToDeg;
  EXPECT_NEAR(winter, 26.9 + 23.44, 0.6);
  ASSERT_TRUE(parse_iso8601("2019-06-21T16:30:00Z", t));  // 00:30 Beijing time
  EXPECT_LT(cos_solar_zenith(t, 26.9, 112.6), -0.5);
}

}  // namespace kctm
