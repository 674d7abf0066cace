#include "analysis/standard_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>

#include "analysis/aqi.hpp"
#include "base/error.hpp"

namespace kctm::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kHoursPerDay = 24;
constexpr int kWindowHours = 8;
// HJ 663-2013 §3: the MDA8 windows end at 08:00 ... 24:00 of the day.
constexpr int kFirstMda8WindowEndHour = 8;

// Local day index (days since 1970-01-01 in the zone) of the hour ending at t.
std::int64_t day_of_hour(UnixSeconds hour_end_s, int utc_offset_s) {
  return days_from_civil(local_date(hour_end_s - kHourS, utc_offset_s));
}

// Index into the series of the hour ending at t, or -1 when t is outside it.
long index_of(const HourlySeries& s, UnixSeconds hour_end_s) {
  const UnixSeconds d = hour_end_s - s.first_hour_end_s;
  if (d < 0 || d % kHourS != 0) return -1;
  const UnixSeconds i = d / kHourS;
  return i < static_cast<UnixSeconds>(s.values.size()) ? static_cast<long>(i) : -1;
}

// UTC end of hour h (1..24) of local day `day`.
UnixSeconds hour_end_in_day(std::int64_t day, int h, int utc_offset_s) {
  return day * 86400 + h * kHourS - utc_offset_s;
}

// The local days the series touches, first to last.
std::vector<std::int64_t> days_spanned(const HourlySeries& s, int utc_offset_s) {
  std::vector<std::int64_t> days;
  if (s.values.empty()) return days;
  const std::int64_t first = day_of_hour(s.hour_end_s(0), utc_offset_s);
  const std::int64_t last = day_of_hour(s.hour_end_s(s.values.size() - 1), utc_offset_s);
  for (std::int64_t d = first; d <= last; ++d) days.push_back(d);
  return days;
}

template <class Reduce>
std::vector<DailyValue> reduce_days(const HourlySeries& s, int utc_offset_s, Reduce reduce) {
  std::vector<DailyValue> out;
  for (std::int64_t day : days_spanned(s, utc_offset_s)) {
    std::vector<double> valid;
    for (int h = 1; h <= kHoursPerDay; ++h) {
      const long i = index_of(s, hour_end_in_day(day, h, utc_offset_s));
      if (i >= 0 && !std::isnan(s.values[i])) valid.push_back(s.values[i]);
    }
    out.push_back({civil_from_days(day), reduce(valid), static_cast<int>(valid.size())});
  }
  return out;
}

double mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? kNaN : sum / static_cast<double>(v.size());
}

std::vector<double> valid_values(const std::vector<DailyValue>& daily) {
  std::vector<double> v;
  for (const DailyValue& d : daily) {
    if (!std::isnan(d.value)) v.push_back(d.value);
  }
  return v;
}

}  // namespace

std::vector<DailyValue> daily_means(const HourlySeries& hourly, int utc_offset_s) {
  return reduce_days(hourly, utc_offset_s, [](const std::vector<double>& valid) {
    return static_cast<int>(valid.size()) >= kMinHoursPerDay ? mean(valid) : kNaN;
  });
}

std::vector<DailyValue> daily_max_1h(const HourlySeries& hourly, int utc_offset_s) {
  return reduce_days(hourly, utc_offset_s, [](const std::vector<double>& valid) {
    return valid.empty() ? kNaN : *std::max_element(valid.begin(), valid.end());
  });
}

HourlySeries moving_8h_means(const HourlySeries& hourly) {
  HourlySeries out{hourly.first_hour_end_s, std::vector<double>(hourly.values.size(), kNaN)};
  for (std::size_t i = 0; i < hourly.values.size(); ++i) {
    double sum = 0;
    int n = 0;
    for (std::size_t j = i + 1 >= kWindowHours ? i + 1 - kWindowHours : 0; j <= i; ++j) {
      if (!std::isnan(hourly.values[j])) {
        sum += hourly.values[j];
        ++n;
      }
    }
    if (n >= kMinHoursPer8h) out.values[i] = sum / n;
  }
  return out;
}

std::vector<DailyValue> daily_max_8h(const HourlySeries& hourly, int utc_offset_s,
                                     double exceedance_limit_ug_m3) {
  const HourlySeries means = moving_8h_means(hourly);
  std::vector<DailyValue> out;
  for (std::int64_t day : days_spanned(hourly, utc_offset_s)) {
    double max = kNaN;
    int n = 0;
    for (int h = kFirstMda8WindowEndHour; h <= kHoursPerDay; ++h) {
      const long i = index_of(means, hour_end_in_day(day, h, utc_offset_s));
      if (i < 0 || std::isnan(means.values[i])) continue;
      ++n;
      if (std::isnan(max) || means.values[i] > max) max = means.values[i];
    }
    const bool valid = n >= kMinWindowsPerMda8 || max > exceedance_limit_ug_m3;
    out.push_back({civil_from_days(day), valid ? max : kNaN, n});
  }
  return out;
}

double percentile_hj663(std::vector<double> values, double p_percent) {
  if (!(p_percent >= 0 && p_percent <= 100)) {
    throw Error("percentile", "p = " + std::to_string(p_percent) + " is out of range",
                "between 0 and 100");
  }
  values.erase(std::remove_if(values.begin(), values.end(), [](double x) { return std::isnan(x); }),
               values.end());
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  const double k = 1 + static_cast<double>(n - 1) * p_percent / 100;
  const std::size_t s = static_cast<std::size_t>(std::floor(k));
  if (s >= n) return values[n - 1];
  // X(s) is values[s - 1] with the standard's 1-based ranks.
  return values[s - 1] + (values[s] - values[s - 1]) * (k - static_cast<double>(s));
}

Completeness completeness(const std::vector<DailyValue>& daily) {
  std::map<std::pair<int, int>, int> days_per_month;
  for (const DailyValue& d : daily) {
    if (!std::isnan(d.value)) ++days_per_month[{d.date.year, d.date.month}];
  }
  Completeness c;
  for (const auto& [year_month, n] : days_per_month) {
    c.n_days += n;
    ++c.n_months;
    const int needed = year_month.second == 2 ? kMinDaysPerFebruary : kMinDaysPerMonth;
    if (n < needed) ++c.n_months_short;
  }
  c.meets_annual_rule = c.n_days >= kMinDaysPerYear && c.n_months == 12 && c.n_months_short == 0;
  return c;
}

PeriodStatistic period_mean(const std::vector<DailyValue>& daily) {
  return {mean(valid_values(daily)), completeness(daily)};
}

PeriodStatistic period_percentile(const std::vector<DailyValue>& daily, double p_percent) {
  return {percentile_hj663(valid_values(daily), p_percent), completeness(daily)};
}

PeriodStatistic special_period_mean(const std::vector<DailyValue>& daily,
                                    const std::vector<int>& months) {
  for (int m : months) {
    if (m < 1 || m > 12) {
      throw Error("special-control period", "month " + std::to_string(m) + " does not exist",
                  "months are 1 to 12");
    }
  }
  std::vector<DailyValue> selected;
  for (const DailyValue& d : daily) {
    if (std::find(months.begin(), months.end(), d.date.month) != months.end()) {
      selected.push_back(d);
    }
  }
  return period_mean(selected);
}

PeriodStatistic o3_mda8_p90(const HourlySeries& o3_hourly_ug_m3, int utc_offset_s) {
  return period_percentile(daily_max_8h(o3_hourly_ug_m3, utc_offset_s), 90);
}

PeriodStatistic co_daily_p95(const HourlySeries& co_hourly_mg_m3, int utc_offset_s) {
  return period_percentile(daily_means(co_hourly_mg_m3, utc_offset_s), 95);
}

double good_day_share(const std::vector<std::optional<int>>& daily_aqi) {
  int n = 0, good = 0;
  for (const std::optional<int>& aqi : daily_aqi) {
    if (!aqi) continue;
    ++n;
    if (is_good_day(*aqi)) ++good;
  }
  return n == 0 ? kNaN : static_cast<double>(good) / n;
}

std::vector<DailyValue> city_daily_means(const std::vector<std::vector<DailyValue>>& stations) {
  std::map<std::int64_t, std::vector<double>> by_day;
  for (const std::vector<DailyValue>& station : stations) {
    for (const DailyValue& d : station) {
      std::vector<double>& values = by_day[days_from_civil(d.date)];
      if (!std::isnan(d.value)) values.push_back(d.value);
    }
  }
  std::vector<DailyValue> out;
  for (const auto& [day, values] : by_day) {
    out.push_back({civil_from_days(day), mean(values), static_cast<int>(values.size())});
  }
  return out;
}

}  // namespace kctm::analysis
