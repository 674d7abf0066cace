// The spin-up a run needs: the days the back trajectory from the domain's centre takes to leave
// the domain, within the bounds asked for.
#include <gtest/gtest.h>

#include <cmath>

#include "meteo/spinup_days.hpp"

namespace kctm {
namespace {

constexpr UnixSeconds kStart = 1546272000;  // 2019-01-01T00:00:00+08:00
constexpr double kHalfWidth_m = 170e3;      // the 9 km Hengyang domain's half-width

std::array<double, 2> steady(double u, double v, UnixSeconds) { return {u, v}; }

TEST(SpinupDays, TheAirCrossesHalfTheDomainAtTheWindsSpeed) {
  using namespace std::placeholders;
  // 170 km at 2 m/s: 23.6 h; at 1 m/s 47.2 h; at 0.5 m/s 94.4 h, whichever way it blows.
  EXPECT_EQ(spinup_days_to_clear(std::bind(steady, 2.0, 0.0, _1), kStart, kHalfWidth_m,
                                 kHalfWidth_m, 1, 7),
            1);
  EXPECT_EQ(spinup_days_to_clear(std::bind(steady, 0.0, -1.0, _1), kStart, kHalfWidth_m,
                                 kHalfWidth_m, 1, 7),
            2);
  EXPECT_EQ(spinup_days_to_clear(std::bind(steady, -0.5, 0.0, _1), kStart, kHalfWidth_m,
                                 kHalfWidth_m, 1, 7),
            4);
  // A narrower side is crossed first.
  EXPECT_EQ(spinup_days_to_clear(std::bind(steady, 0.0, 0.5, _1), kStart, kHalfWidth_m,
                                 kHalfWidth_m / 4, 1, 7),
            1);
}

TEST(SpinupDays, BoundedBelowAndAbove) {
  using namespace std::placeholders;
  EXPECT_EQ(spinup_days_to_clear(std::bind(steady, 20.0, 0.0, _1), kStart, kHalfWidth_m,
                                 kHalfWidth_m, 2, 7),
            2);
  EXPECT_EQ(spinup_days_to_clear(std::bind(steady, 0.0, 0.0, _1), kStart, kHalfWidth_m,
                                 kHalfWidth_m, 1, 5),
            5);
}

TEST(SpinupDays, AWindThatTurnsKeepsTheAirLongerThanOneThatDoesNot) {
  // 1 m/s turning through the compass once a day goes nowhere; a sea-breeze-like reversal every
  // 12 h neither; the same speed steady leaves in two days.
  const double omega = 2 * M_PI / 86400;
  auto turning = [&](UnixSeconds t) {
    const double a = omega * static_cast<double>(t - kStart);
    return std::array<double, 2>{std::cos(a), std::sin(a)};
  };
  auto reversing = [&](UnixSeconds t) {
    const UnixSeconds into_day = ((t - kStart) % 86400 + 86400) % 86400;
    return std::array<double, 2>{into_day < 43200 ? 1.0 : -1.0, 0.0};
  };
  EXPECT_EQ(spinup_days_to_clear(turning, kStart, kHalfWidth_m, kHalfWidth_m, 1, 6), 6);
  EXPECT_EQ(spinup_days_to_clear(reversing, kStart, kHalfWidth_m, kHalfWidth_m, 1, 6), 6);
  // Turning slowly (60 degrees a day, as the climatology's stagnation), 1.2 m/s leaves on the
  // third day, where the same wind steady leaves on the second.
  auto slow_turn = [&](UnixSeconds t) {
    const double a = omega / 6 * static_cast<double>(t - kStart);
    return std::array<double, 2>{1.2 * std::cos(a), 1.2 * std::sin(a)};
  };
  EXPECT_EQ(spinup_days_to_clear(slow_turn, kStart, kHalfWidth_m, kHalfWidth_m, 1, 6), 3);
  EXPECT_EQ(spinup_days_to_clear(
                [](UnixSeconds) {
                  return std::array<double, 2>{1.2, 0.0};
                },
                kStart, kHalfWidth_m, kHalfWidth_m, 1, 6),
            2);
}

}  // namespace
}  // namespace kctm
