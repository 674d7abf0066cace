#include <gtest/gtest.h>

#include <random>

#include "kernels/ppm.hpp"

namespace kctm {

TEST(Ppm, UniformLineCrossesUnchanged) {
  const double s[6] = {0.7, 0.7, 0.7, 0.7, 0.7, 0.7};
  for (double c : {-1.0, -0.3, 0.0, 0.5, 1.0}) EXPECT_EQ(ppm::crossing_mean(s, c), 0.7);
}

TEST(Ppm, LinearProfileIsReproducedExactly) {
  // q_i = i: face values are exact, and the mean over the last σ of cell 2 (centre 2, right
  // edge 2.5) is 2.5 − σ/2; leftwards out of cell 3 it is 2.5 + σ/2.
  const double s[6] = {0, 1, 2, 3, 4, 5};
  for (double c : {0.1, 0.5, 0.9}) {
    EXPECT_NEAR(ppm::crossing_mean(s, c), 2.5 - c / 2, 1e-14);
    EXPECT_NEAR(ppm::crossing_mean(s, -c), 2.5 + c / 2, 1e-14);
  }
}

TEST(Ppm, ParabolaIsExactForSmoothQuadraticsAwayFromLimiting) {
  // Cell means of q(x) = x² on cells [i − 1/2, i + 1/2] are i² + 1/12; a monotone stretch (i ≥ 1)
  // is not limited, and the exact mean over [2.5 − σ, 2.5] is known in closed form.
  double s[6];
  for (int o = 0; o < 6; ++o)
    s[o] = (o + 1.0) * (o + 1.0) + 1.0 / 12;  // cells 1..6 → s[2] is x = 3
  for (double c : {0.2, 0.6, 1.0}) {
    const double a = 3.5 - c, b = 3.5;
    const double exact = (b * b * b - a * a * a) / (3 * c);
    EXPECT_NEAR(ppm::crossing_mean(s, c), exact, 1e-12) << c;
  }
}

TEST(Ppm, CrossingMeanNeverLeavesTheUpwindNeighbourhood) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> value(0, 1), courant(-1, 1);
  for (int trial = 0; trial < 20000; ++trial) {
    double s[6];
    for (double& v : s) v = value(rng) < 0.2 ? 0.0 : value(rng);  // with flat zero stretches
    const double c = courant(rng);
    const int u = c >= 0 ? 2 : 3;
    double lo = s[u], hi = s[u];
    for (int o = u - 1; o <= u + 1; ++o) lo = std::min(lo, s[o]), hi = std::max(hi, s[o]);
    const double m = ppm::crossing_mean(s, c);
    ASSERT_GE(m, lo - 1e-15);
    ASSERT_LE(m, hi + 1e-15);
  }
}

}  // namespace kctm
