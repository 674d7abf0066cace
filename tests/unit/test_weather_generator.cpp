// The typical Hengyang year: its monthly statistics reproduce the normals it was built from, it
// has the synoptic structure a multi-day episode needs, and it is the same on every run.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "base/constants.hpp"
#include "meteo/weather_generator.hpp"

namespace kctm {
namespace {

using constants::kPi;
constexpr int kDaysInMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
constexpr double kLat = 26.8, kLon = 112.41;

struct MonthStats {
  double t_mean = 0, t_max = 0, t_min = 0, rh = 0, precip = 0, wind = 0, sunshine = 0, north = 0;
  int rain_days = 0, stagnation_episodes = 0;
};

/// Statistics of the hourly series, as a station would record them (local solar days).
std::vector<MonthStats> month_stats(const WeatherGenerator& g) {
  std::vector<MonthStats> s(12);
  int day = 0, run = 0;
  for (int m = 0; m < 12; ++m) {
    MonthStats& x = s[m];
    for (int d = 0; d < kDaysInMonth[m]; ++d, ++day) {
      double t_max = -1e9, t_min = 1e9, precip = 0, wind = 0;
      // The hours of day `day`: 2019-01-01 00:00 local solar time is this UTC second.
      const double midnight = (17897.0 + day) * 86400 - kLon / 15 * 3600;
      for (int h = 0; h < 24; ++h) {
        const HourlyWeather w = g.at(static_cast<UnixSeconds>(midnight + (h + 0.5) * 3600));
        x.t_mean += w.t2_c;
        x.rh += w.rh;
        t_max = std::max(t_max, w.t2_c);
        t_min = std::min(t_min, w.t2_c);
        precip += w.precip_mm_h;
        wind += w.wind_m_s;
        x.north += std::cos(w.wind_from_deg * kPi / 180);
        // Sunshine: the clear share of the hours with the sun up.
        const double half_day = 0.5 * g.day_length_h(day);
        const double up = std::clamp(
            std::min(h + 1.0, 12 + half_day) - std::max(h + 0.0, 12 - half_day), 0.0, 1.0);
        x.sunshine += up * (1 - w.cloud_fraction);
      }
      x.t_max += t_max;
      x.t_min += t_min;
      x.precip += precip;
      x.wind += wind / 24;
      x.rain_days += precip >= 0.1;
      // Stagnation: runs of ≥ 3 days with a daily mean wind below 1 m/s, counted where they end.
      run = wind / 24 < 1.0 ? run + 1 : 0;
      if (run == 3) ++x.stagnation_episodes;
    }
    const int n = kDaysInMonth[m];
    x.t_mean /= 24 * n;
    x.rh /= 24 * n;
    x.north /= 24 * n;
    x.t_max /= n;
    x.t_min /= n;
    x.wind /= n;
  }
  return s;
}

TEST(WeatherGenerator, MonthlyStatisticsReproduceTheNormals) {
  const ClimateNormals& normals = hengyang_normals();
  const WeatherGenerator g(normals, kLat, kLon, 57872);
  const std::vector<MonthStats> s = month_stats(g);
  std::printf(
      "month  T (norm)     Tmax (norm)  Tmin (norm)  RH %% (norm)  P mm (norm)    "
      "rain d (norm)  sun h (norm)   wind  north  stagnation\n");
  for (int m = 0; m < 12; ++m) {
    const MonthlyNormals& n = normals.months[m];
    const MonthStats& x = s[m];
    std::printf(
        "%5d  %5.1f (%4.1f) %5.1f (%4.1f)  %5.1f (%4.1f)  %5.1f (%2.0f)   %6.1f (%5.1f)  "
        "%4d (%4.1f)    %5.0f (%3.0f)   %4.2f  %5.2f  %d\n",
        m + 1, x.t_mean, n.t_mean_c, x.t_max, n.t_max_c, x.t_min, n.t_min_c, 100 * x.rh, n.rh_pct,
        x.precip, n.precip_mm, x.rain_days, n.precip_days, x.sunshine, n.sunshine_h, x.wind,
        x.north, x.stagnation_episodes);
    EXPECT_NEAR(x.t_mean, n.t_mean_c, 0.05) << "month " << m + 1;
    EXPECT_NEAR(x.t_max, n.t_max_c, 1.5) << "month " << m + 1;
    EXPECT_NEAR(x.t_min, n.t_min_c, 1.5) << "month " << m + 1;
    EXPECT_NEAR(100 * x.rh, n.rh_pct, 1.0) << "month " << m + 1;
    EXPECT_NEAR(x.precip, n.precip_mm, 1e-6 * n.precip_mm) << "month " << m + 1;
    EXPECT_EQ(x.rain_days, std::lround(n.precip_days)) << "month " << m + 1;
    EXPECT_NEAR(x.sunshine, n.sunshine_h, 0.1 * n.sunshine_h) << "month " << m + 1;
    EXPECT_NEAR(x.wind, n.wind_m_s, 1e-9) << "month " << m + 1;
    // Prevailing directions: northerly in the winter monsoon, southerly in summer.
    if (n.prevailing_from_deg == 0) EXPECT_GT(x.north, 0.2) << "month " << m + 1;
    if (n.prevailing_from_deg == 180) EXPECT_LT(x.north, -0.2) << "month " << m + 1;
  }
  // Multi-day stagnation episodes in winter, none in summer.
  EXPECT_GE(s[11].stagnation_episodes + s[0].stagnation_episodes + s[1].stagnation_episodes, 2);
  EXPECT_EQ(s[5].stagnation_episodes + s[6].stagnation_episodes + s[7].stagnation_episodes, 0);
}

TEST(WeatherGenerator, SameSeedSameYear) {
  const WeatherGenerator a(hengyang_normals(), kLat, kLon, 1), b(hengyang_normals(), kLat, kLon, 1),
      c(hengyang_normals(), kLat, kLon, 2);
  int differ = 0;
  for (int d = 0; d < 365; ++d) {
    EXPECT_EQ(a.day(d).t_mean_c, b.day(d).t_mean_c);
    EXPECT_EQ(a.day(d).precip_mm, b.day(d).precip_mm);
    EXPECT_EQ(a.day(d).wind_from_deg, b.day(d).wind_from_deg);
    differ += a.day(d).precip_mm != c.day(d).precip_mm;
  }
  EXPECT_GT(differ, 50);  // another seed, another year with the same normals
}

TEST(WeatherGenerator, DiurnalCycles) {
  const WeatherGenerator g(hengyang_normals(), kLat, kLon, 57872);
  // Day 200 (mid-July): warmest mid-afternoon, coolest before dawn; humidity the other way round;
  // wind strongest in the afternoon.
  const double midnight = (17897.0 + 200) * 86400 - kLon / 15 * 3600;
  auto at = [&](double hour) { return g.at(static_cast<UnixSeconds>(midnight + hour * 3600)); };
  EXPECT_GT(at(14.5).t2_c, at(2.5).t2_c + 0.8 * g.day(200).dtr_k);
  EXPECT_LT(at(14.5).rh, at(2.5).rh);
  EXPECT_GT(at(14).wind_m_s, at(2).wind_m_s);
}

}  // namespace
}  // namespace kctm
