// Cloud-water acidity from the ion balance and aerosol water from κ-Köhler theory, against
// textbook cases.
#include <gtest/gtest.h>

#include <cmath>

#include "chemistry/aerosol_water.hpp"
#include "chemistry/cloud_water.hpp"

namespace kctm::chem {
namespace {

double ph(const CloudWaterTotals& c, double lwc, double t_k = 298.0) {
  return -std::log10(cloud_water_hplus(c, lwc, t_k, 1.0, 1e-5));
}

TEST(CloudWater, CleanWaterWithCarbonDioxideHasPh56) {
  // Seinfeld & Pandis (2016) §7.3.1: water in equilibrium with today's CO2 has pH ≈ 5.6.
  const double p = ph({0, 0, 0, 0}, 0.3e-6);
  std::printf("clean cloud water, 411 ppm CO2: pH %.3f\n", p);
  EXPECT_NEAR(p, 5.6, 0.05);
}

TEST(CloudWater, StrongAcidSetsThePh) {
  // Nitric acid dissolves entirely: 1e-10 mol per L of air in 1e-7 L of water per L of air
  // is 1e-3 M of H+ (CO2, water and S(IV) add ions far below that).
  EXPECT_NEAR(ph({0, 1e-10, 0, 0}, 1e-7), 3.0, 0.01);
  // Sulfate gives two protons per sulfur, less the bisulfate formed at low pH: at 5e-4 M of
  // S(VI), HSO4- (K 1.02e-2 M) holds about 9 % of it, pH ≈ 3.02.
  const double s = ph({0.5e-10, 0, 0, 0}, 1e-7);
  EXPECT_GT(s, 3.0);
  EXPECT_LT(s, 3.05);
}

TEST(CloudWater, AmmoniaNeutralisesAndSulfurDioxideAcidifies) {
  const double lwc = 0.3e-6;
  const double acid = ph({2e-11, 1e-11, 0, 0}, lwc);
  const double neutralised = ph({2e-11, 1e-11, 5e-11, 0}, lwc);   // NH3 ≥ 2 SO4 + NO3
  const double with_so2 = ph({2e-11, 1e-11, 5e-11, 4e-10}, lwc);  // and ~10 ppb of SO2
  std::printf("cloud pH: acid %.2f, with ammonia %.2f, with SO2 %.2f\n", acid, neutralised,
              with_so2);
  EXPECT_GT(neutralised, acid + 1.0);
  EXPECT_LT(with_so2, neutralised - 0.1);
  // Colder water dissolves more SO2 and NH3: the balance still has one root in range.
  const double cold = ph({2e-11, 1e-11, 5e-11, 4e-10}, lwc, 273.0);
  EXPECT_GT(cold, 0.0);
  EXPECT_LT(cold, 10.0);
}

// The acidity does not depend on where the search starts, and Newton's method with the balance's
// analytic slope converges quadratically: a few evaluations from a value 0.3 pH off (a wrong
// slope would crawl or fall back to bisection, ~40 evaluations).
TEST(CloudWater, AcidityIsFoundFromAnyStartInAFewSteps) {
  const CloudWaterTotals cases[] = {{0, 0, 0, 0},
                                    {2e-11, 1e-11, 0, 0},
                                    {2e-11, 1e-11, 5e-11, 4e-10},
                                    {1e-12, 0, 2e-10, 1e-9},
                                    {5e-10, 3e-10, 1e-10, 2e-9}};
  for (const CloudWaterTotals& c : cases) {
    for (const double lwc : {0.05e-6, 0.3e-6, 1e-6}) {
      const double h = cloud_water_hplus(c, lwc, 278.0, 0.9, 1e-5);
      for (const double guess : {1e-10, 1e-7, 1e-4, 1e-1}) {
        EXPECT_NEAR(cloud_water_hplus(c, lwc, 278.0, 0.9, guess) / h, 1.0, 1e-10);
      }
      int iterations = 0;
      EXPECT_NEAR(cloud_water_hplus(c, lwc, 278.0, 0.9, h * 2.0, &iterations) / h, 1.0, 1e-10);
      EXPECT_LE(iterations, 6) << "pH " << -std::log10(h);
    }
  }
}

TEST(AerosolWater, KappaKoehlerWaterOfAmmoniumSulfate) {
  // Petters & Kreidenweis (2007) eq. 2 without the Kelvin term: V_w = κ V_d a_w / (1 − a_w).
  double ug[kAerosolComponents] = {};
  ug[kSulfateAmmonium] = 17.7;  // 10 cm3 per 1e6 m3 at 1.77 g cm-3
  const WetAerosol at80 = wet_aerosol(ug, 0.8);
  EXPECT_NEAR(at80.water_ug_m3, 0.61 * 10.0 * 4.0, 1e-9);
  // The wet surface grows with the radius: (1 + κ a_w / (1 − a_w))^(2/3) over the dry one.
  const WetAerosol dry = wet_aerosol(ug, 0.0);
  EXPECT_EQ(dry.water_ug_m3, 0.0);
  EXPECT_NEAR(at80.area_cm2_cm3 / dry.area_cm2_cm3, std::pow(1 + 0.61 * 4.0, 2.0 / 3.0), 1e-12);
  // Above the cap the water stops growing; an insoluble particle takes none.
  EXPECT_EQ(wet_aerosol(ug, 0.99).water_ug_m3, wet_aerosol(ug, 0.95).water_ug_m3);
  double soot[kAerosolComponents] = {};
  soot[kElementalCarbon] = 5.0;
  EXPECT_EQ(wet_aerosol(soot, 0.9).water_ug_m3, 0.0);
  EXPECT_GT(wet_aerosol(soot, 0.9).area_cm2_cm3, 0.0);
}

}  // namespace
}  // namespace kctm::chem
