#pragma once
// Which days of each month stand for it in a sampled year. A few days run with the climatological
// weather must carry the month's weather in its proportions: a fixed calendar (the 5th, 15th and
// 25th) can fall on three rain days of a month with rain on half its days, or on three dry ones,
// and the month's photochemistry, washout and haze then follow those days, not the month.
// The days are drawn by stratified sampling (Cochran 1977, "Sampling Techniques", ch. 5): the
// month's days fall into rain days, dry stagnant days and other dry days; the sample is shared out
// among them in proportion to their number (largest remainders), and within each the chosen days
// are spread evenly through the month, since haze episodes last several days.
#include <vector>

#include "meteo/climatology_meteo.hpp"

namespace kctm {

/// The kind of weather a Beijing calendar day has, as the transport sees it hour by hour.
enum class DayWeather { kRain, kStagnant, kDry };

/// The weather of every day of month `month` (1-12) of the typical year, day 1 first.
std::vector<DayWeather> weather_of_days(const ClimatologyMeteo& met, int month);

/// `n` days (1-based, ascending) of a month whose days have weather `days` to stand for it; only
/// days 1..`last_start` may be chosen (a run of several days must fit in the month). Each kind of
/// weather gets its share of `n` by largest remainders, computed over the whole month; a kind with
/// no day to choose passes its share to the others. Throws when n is not in 1..last_start.
std::vector<int> stratified_days(const std::vector<DayWeather>& days, int n, int last_start);

}  // namespace kctm
