#include "meteo/sample_days.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "base/civil_time.hpp"
#include "base/error.hpp"

namespace kctm {

namespace {

constexpr int kKinds = 3;

}  // namespace

std::vector<DayWeather> weather_of_days(const ClimatologyMeteo& met, int month) {
  std::vector<DayWeather> days(kDaysInTypicalMonth[month - 1]);
  const UnixSeconds start = local_midnight({2019, month, 1}, kBeijingUtcOffsetS);
  for (std::size_t d = 0; d < days.size(); ++d) {
    bool rain = false, stagnant = false;
    for (int h = 0; h < 24; ++h) {
      const HourlyWeather w =
          met.weather().at(start + static_cast<UnixSeconds>(d) * 86400 + h * 3600 + 1800);
      rain = rain || w.precip_mm_h > 0;
      stagnant = stagnant || w.day->stagnant;
    }
    days[d] = rain ? DayWeather::kRain : (stagnant ? DayWeather::kStagnant : DayWeather::kDry);
  }
  return days;
}

std::vector<int> stratified_days(const std::vector<DayWeather>& days, int n, int last_start) {
  last_start = std::min(last_start, static_cast<int>(days.size()));
  if (n < 1 || n > last_start) {
    throw Error("sampled days", std::to_string(n) + " days a month, of the " +
                                    std::to_string(last_start) + " a run can start on");
  }
  std::array<std::vector<int>, kKinds> candidates;  // the days each kind can start a run on
  std::array<int, kKinds> in_month{};
  for (int d = 0; d < static_cast<int>(days.size()); ++d) {
    const int kind = static_cast<int>(days[d]);
    ++in_month[kind];
    if (d < last_start) candidates[kind].push_back(d + 1);
  }
  // Largest remainders, among the kinds that still have days to give.
  std::array<int, kKinds> share{};
  std::array<double, kKinds> remainder{};
  int given = 0, weighed = 0;
  for (int k = 0; k < kKinds; ++k) weighed += candidates[k].empty() ? 0 : in_month[k];
  for (int k = 0; k < kKinds; ++k) {
    if (candidates[k].empty()) continue;
    const double exact = static_cast<double>(n) * in_month[k] / weighed;
    share[k] = std::min(static_cast<int>(exact), static_cast<int>(candidates[k].size()));
    remainder[k] = exact - share[k];
    given += share[k];
  }
  while (given < n) {
    int best = -1;
    for (int k = 0; k < kKinds; ++k) {
      const bool room = share[k] < static_cast<int>(candidates[k].size());
      if (room && (best < 0 || remainder[k] > remainder[best])) best = k;
    }
    ++share[best];
    remainder[best] -= 1;
    ++given;
  }
  std::vector<int> chosen;
  for (int k = 0; k < kKinds; ++k) {
    const int m = static_cast<int>(candidates[k].size());
    for (int s = 0; s < share[k]; ++s)
      chosen.push_back(candidates[k][(2 * s + 1) * m / (2 * share[k])]);
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace kctm
