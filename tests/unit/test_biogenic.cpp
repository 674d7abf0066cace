// Biogenic VOC: Guenther (1993) responses and the land-use emission factors, by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "emissions/biogenic.hpp"

namespace kctm {
namespace {

TEST(Biogenic, GuentherResponsesByHand) {
  // C_L(1000) = 0.0027 × 1.066 × 1000 / √(1 + 2.7²) = 0.99964.
  EXPECT_NEAR(isoprene_light_response(1000), 0.99964, 1e-5);
  EXPECT_EQ(isoprene_light_response(0), 0.0);
  // With R = 8.3144626 J mol-1 K-1 (CODATA 2018):
  // C_T(303 K) = 1 / (1 + exp(230000 × (303 − 314) / (R × 303 × 303))) = 0.96492.
  EXPECT_NEAR(isoprene_temperature_response(303), 0.96492, 1e-5);
  // C_T(293 K) = exp(95000 × −10 / (R × 303 × 293)) / (1 + exp(230000 × −21 / (…))) = 0.27570.
  EXPECT_NEAR(isoprene_temperature_response(293), 0.27570, 1e-5);
  EXPECT_NEAR(monoterpene_temperature_response(293), std::exp(-0.9), 1e-12);
}

TEST(Biogenic, LandUseFactorsAndRates) {
  // Cropland/woodland mosaic: half crops (1), a quarter evergreen broadleaf (10000) and a quarter
  // needleleaf (600) µg m-2 h-1 of isoprene.
  EXPECT_NEAR(standard_biogenic_rates(6).isoprene_ug_m2_h, 2650.5, 1e-9);
  EXPECT_EQ(standard_biogenic_rates(16).isoprene_ug_m2_h, 0.0);  // water
  EXPECT_GT(standard_biogenic_rates(13).isoprene_ug_m2_h,
            standard_biogenic_rates(14).isoprene_ug_m2_h);
  // At 303 K and PAR 1000 (shortwave 1000 / (0.45 × 4.57) W m-2): the factor × C_L × C_T.
  const BiogenicRates r = biogenic_emission(6, 303.0, 1000 / (0.45 * 4.57));
  EXPECT_NEAR(r.isoprene_ug_m2_h, 2650.5 * 0.99964 * 0.96492, 0.5);
  // Night: no isoprene, monoterpenes go on.
  const BiogenicRates night = biogenic_emission(6, 293.0, 0.0);
  EXPECT_EQ(night.isoprene_ug_m2_h, 0.0);
  EXPECT_NEAR(night.monoterpene_ug_m2_h,
              standard_biogenic_rates(6).monoterpene_ug_m2_h * std::exp(-0.9), 1e-9);
}

}  // namespace
}  // namespace kctm
