#include "base/civil_time.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kctm {

// Civil-calendar conversions by era arithmetic (400-year Gregorian cycles starting in March).
std::int64_t days_from_civil(CivilDate d) {
  const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

static int days_in_month(int year, int month) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool parse_iso8601(const std::string& text, UnixSeconds& out) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, n = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10) return false;
  std::size_t pos = 10;
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
    int used = 0;
    if (std::sscanf(text.c_str() + pos + 1, "%2d:%2d%n", &h, &mi, &used) != 2 || used != 5)
      return false;
    pos += 1 + 5;
    if (pos < text.size() && text[pos] == ':') {
      if (std::sscanf(text.c_str() + pos + 1, "%2d%n", &s, &used) != 1 || used != 2) return false;
      pos += 3;
    }
  }
  int offset_s = 0;
  if (pos < text.size() && text[pos] == 'Z') {
    pos += 1;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int oh = 0, om = 0, used = 0;
    if (std::sscanf(text.c_str() + pos + 1, "%2d:%2d%n", &oh, &om, &used) != 2 || used != 5)
      return false;
    if (oh > 14 || om > 59) return false;
    offset_s = (text[pos] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    pos += 6;
  } else {
    return false;
  }
  if (pos != text.size()) return false;
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo) || h > 23 || mi > 59 || s > 59) {
    return false;
  }
  out = days_from_civil({y, mo, d}) * 86400 + h * 3600 + mi * 60 + s - offset_s;
  return true;
}

static std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::string format_iso8601(UnixSeconds t, int utc_offset_s) {
  const UnixSeconds local = t + utc_offset_s;
  const std::int64_t days = floor_div(local, 86400);
  const std::int64_t sod = local - days * 86400;
  const CivilDate d = civil_from_days(days);
  const int off = utc_offset_s < 0 ? -utc_offset_s : utc_offset_s;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", d.year, d.month, d.day,
                static_cast<int>(sod / 3600), static_cast<int>(sod % 3600 / 60),
                static_cast<int>(sod % 60), utc_offset_s < 0 ? '-' : '+', off / 3600,
                off % 3600 / 60);
  return buf;
}

CivilDate local_date(UnixSeconds t, int utc_offset_s) {
  return civil_from_days(floor_div(t + utc_offset_s, 86400));
}

int first_day_of_typical_month(int month0) {
  int d = 0;
  for (int m = 0; m < month0; ++m) d += kDaysInTypicalMonth[m];
  return d;
}

TypicalDay typical_day(double seconds_since_epoch) {
  const auto days = static_cast<std::int64_t>(std::floor(seconds_since_epoch / 86400.0));
  const CivilDate date = civil_from_days(days);
  const int day_in_month = std::min(date.day, kDaysInTypicalMonth[date.month - 1]);
  return {first_day_of_typical_month(date.month - 1) + day_in_month - 1,
          seconds_since_epoch - static_cast<double>(days) * 86400.0};
}

}  // namespace kctm
