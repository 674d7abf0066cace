// kctm validate refuses what it cannot judge: observations that pair with no model value, and a
// limit on a statistic that cannot be computed; the console never shows nan.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/validation.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

using analysis::Observations;
using analysis::Pollutant;

/// Six hours of PM2.5 at `station`, values base + h.
Observations series(const std::string& station, double base) {
  Observations o;
  for (int h = 1; h <= 6; ++h) o[station][Pollutant::kPm25][1546272000 + 3600 * h] = base + h;
  return o;
}

TEST(ValidationPairs, ObservationsAtNoModelStationAreRefused) {
  const Observations model = series("1001A", 30), obs = series("9999X", 40);
  EXPECT_EQ(test::error_of([&] { validate(model, obs, {}, "obs.csv", ""); }),
            "obs.csv: no observation pairs with the model (observed stations 9999X; the model's "
            "1001A; check --stations and the run's period)");
}

TEST(ValidationPairs, ALimitOnAStatisticThatCannotBeComputedIsAnError) {
  Observations model = series("1001A", 30);
  model["1001A"][Pollutant::kO3] = {{1546275600, 50.0}};
  const Observations obs = series("1001A", 40);
  // PM2.5 pairs; O3 has no observation, so its NMB is undefined.
  EXPECT_EQ(test::error_of([&] {
              validate(model, obs, {{"O3", {0.3, NAN, NAN, NAN, NAN}}}, "obs.csv", "limits.yaml");
            }),
            "limits.yaml: O3.nmb_abs_max: the statistic cannot be computed from 0 pairs "
            "(observations of O3 at the model's stations in its hours)");
  const Validation v =
      validate(model, obs, {{"PM2.5", {0.1, NAN, NAN, NAN, NAN}}}, "obs.csv", "limits.yaml");
  ASSERT_EQ(v.crossed.size(), 1u);
  EXPECT_EQ(v.crossed[0].find("nan"), std::string::npos) << v.crossed[0];
  for (const MetricRow& r : v.rows) {
    EXPECT_EQ(summary_line(r).find("nan"), std::string::npos) << summary_line(r);
  }
}

}  // namespace
}  // namespace kctm
