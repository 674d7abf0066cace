#include "base/monthly_cycle.hpp"

#include <algorithm>
#include <cmath>

namespace kctm {

namespace {

constexpr double kDaysInYear = 365.0;

/// Day of the typical year at the middle of month m, 0-based, as a fraction of days.
double mid_month_day(int m) { return first_day_of_typical_month(m) + 0.5 * kDaysInTypicalMonth[m]; }

}  // namespace

MonthlyCycle MonthlyCycle::constant(double value) {
  MonthlyCycle c;
  c.month.fill(value);
  return c;
}

bool MonthlyCycle::varies() const {
  return std::any_of(month.begin(), month.end(), [&](double v) { return v != month[0]; });
}

double MonthlyCycle::max() const { return *std::max_element(month.begin(), month.end()); }

double MonthlyCycle::at(UnixSeconds t) const {
  const TypicalDay day = typical_day(static_cast<double>(t));
  const double d = day.day + day.seconds / 86400.0;
  // The month whose middle is the last at or before d (December of the year before when d falls
  // before the middle of January), and the one after it.
  int before = 11;
  for (int m = 0; m < 12; ++m) {
    if (mid_month_day(m) <= d) before = m;
  }
  const int after = (before + 1) % 12;
  double from = mid_month_day(before), to = mid_month_day(after);
  if (after == 0) to += kDaysInYear;
  if (d < from) {  // before the middle of January
    from -= kDaysInYear;
    to -= kDaysInYear;
  }
  const double f = (d - from) / (to - from);
  return (1 - f) * month[before] + f * month[after];
}

std::vector<double> values_at(const std::vector<MonthlyCycle>& cycles, UnixSeconds t) {
  std::vector<double> v;
  v.reserve(cycles.size());
  for (const MonthlyCycle& c : cycles) v.push_back(c.at(t));
  return v;
}

std::vector<double> maxima(const std::vector<MonthlyCycle>& cycles) {
  std::vector<double> v;
  v.reserve(cycles.size());
  for (const MonthlyCycle& c : cycles) v.push_back(c.max());
  return v;
}

}  // namespace kctm
