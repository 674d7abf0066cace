#include "meteo/climate_summary.hpp"

#include <algorithm>
#include <cstdio>

#include "base/civil_time.hpp"

namespace kctm {

namespace {

// A floor on the wind in the dilution, as calm hours still exchange air (the Kz floor's role).
constexpr double kMinDilutionWind_m_s = 0.5;

}  // namespace

std::array<MonthClimate, 12> climate_by_month(const ClimatologyMeteo& met) {
  std::array<MonthClimate, 12> months{};
  // Local midnight of 1 January of a non-leap year (2019), and the hour's middle.
  UnixSeconds day_start = local_midnight({2019, 1, 1}, kBeijingUtcOffsetS);
  for (int m = 0; m < 12; ++m) {
    MonthClimate& c = months[m];
    for (int d = 0; d < kDaysInTypicalMonth[m]; ++d, day_start += 86400) {
      double day_rain = 0;
      bool stagnant = false;
      for (int h = 0; h < 24; ++h) {
        const UnixSeconds t = day_start + h * 3600 + 1800;
        const HourlyWeather w = met.weather().at(t);
        const double pbl = met.pbl_height_m(t);
        if (h == 14) c.pbl_afternoon_m += pbl;
        if (h == 2) c.pbl_night_m += pbl;
        c.wind_m_s += w.wind_m_s;
        c.dilution_s_m2 += 1 / (pbl * std::max(w.wind_m_s, kMinDilutionWind_m_s));
        day_rain += w.precip_mm_h;
        stagnant = stagnant || w.day->stagnant;
      }
      c.rain_mm += day_rain;
      c.rain_days += day_rain > 0;
      c.stagnant_days += stagnant;
    }
    const double days = kDaysInTypicalMonth[m];
    c.pbl_afternoon_m /= days;
    c.pbl_night_m /= days;
    c.wind_m_s /= 24 * days;
    c.dilution_s_m2 /= 24 * days;
  }
  return months;
}

std::string climate_table(const std::array<MonthClimate, 12>& months) {
  double year_dilution = 0;
  for (const MonthClimate& c : months) year_dilution += c.dilution_s_m2 / 12;
  std::string out =
      "| month | BLH 14:00 [m] | BLH 02:00 [m] | wind 10 m [m/s] | rain [mm] | rain days | "
      "stagnant days | dilution 1/(h U), year = 1 |\n|---|---|---|---|---|---|---|---|\n";
  char line[160];
  for (int m = 0; m < 12; ++m) {
    const MonthClimate& c = months[m];
    std::snprintf(line, sizeof line, "| %d | %.0f | %.0f | %.2f | %.1f | %d | %d | %.2f |\n", m + 1,
                  c.pbl_afternoon_m, c.pbl_night_m, c.wind_m_s, c.rain_mm, c.rain_days,
                  c.stagnant_days, c.dilution_s_m2 / year_dilution);
    out += line;
  }
  return out;
}

}  // namespace kctm
