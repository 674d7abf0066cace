#include "meteo/weather_generator.hpp"

#include <algorithm>
#include <cmath>

#include "base/constants.hpp"
#include "meteo/thermo.hpp"

namespace kctm {

namespace {

using constants::kPi;

// Day-to-day persistence of rain, P(wet | wet yesterday): 0.5–0.7 in humid subtropical climates
// (e.g. Wilks & Wilby 1999, Prog. Phys. Geogr. 23:329, for the two-state chain); a typical value.
constexpr double kWetAfterWet = 0.62;
constexpr double kMinRainDay_mm = 0.3;  // a rain day's least amount (the threshold is 0.1 mm)
// Day-to-day temperature anomalies: lag-1 correlation and standard deviation by season [K].
constexpr double kAnomalyLag1 = 0.7;
constexpr double kAnomalySdWinter_k = 2.5, kAnomalySdSummer_k = 1.5;
constexpr double kSurgeCooling_k = 3.0, kRainCooling_k = 1.0;

/// splitmix64 (Steele, Lea & Flood 2014): a small generator whose stream is the same everywhere,
/// unlike the distributions of <random>.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in (0, 1).
  double uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }
  /// Standard normal (Box–Muller).
  double normal() { return std::sqrt(-2 * std::log(uniform())) * std::cos(2 * kPi * uniform()); }
  int below(int n) { return static_cast<int>(uniform() * n); }

 private:
  std::uint64_t state_;
};

bool winter(int month) { return month >= 10 || month <= 3; }

/// Smallest signed difference b − a of two directions [deg].
double turn_deg(double a, double b) { return std::remainder(b - a, 360.0); }

/// Days of month m (0-based) as [begin, end) of the year.
struct MonthDays {
  int begin, end;
};
MonthDays days_of(int m) {
  return {first_day_of_typical_month(m), first_day_of_typical_month(m) + kDaysInTypicalMonth[m]};
}

/// Scales x over each month so that its monthly mean is target(month).
template <class Get, class Target>
void impose_monthly_mean(std::vector<DailyWeather>& days, Get get, Target target) {
  for (int m = 0; m < 12; ++m) {
    const MonthDays md = days_of(m);
    double sum = 0;
    for (int d = md.begin; d < md.end; ++d) sum += get(days[d]);
    const double mean = sum / (md.end - md.begin);
    for (int d = md.begin; d < md.end; ++d) get(days[d]) *= target(m) / mean;
  }
}

}  // namespace

void typical_day_and_hour(UnixSeconds t, double lon_deg, int& day, double& solar_hour) {
  const TypicalDay local = typical_day(static_cast<double>(t) + lon_deg / 15.0 * 3600.0);
  day = local.day;
  solar_hour = local.seconds / 3600.0;
}

WeatherGenerator::WeatherGenerator(const ClimateNormals& normals, double lat_deg, double lon_deg,
                                   std::uint64_t seed)
    : normals_(normals), lat_deg_(lat_deg), lon_deg_(lon_deg), days_(365) {
  generate(seed);
}

double WeatherGenerator::day_length_h(int d) const {
  // Declination after Cooper (1969, Solar Energy 12:333); sunrise hour angle cos ω0 = −tan φ tan δ.
  const double decl = 23.45 * kPi / 180 * std::sin(2 * kPi * (284 + d + 1) / 365.0);
  const double x = -std::tan(lat_deg_ * kPi / 180) * std::tan(decl);
  return 2 * std::acos(std::clamp(x, -1.0, 1.0)) * 180 / kPi / 15.0;
}

void WeatherGenerator::generate(std::uint64_t seed) {
  Rng rng(seed);
  std::vector<DailyWeather>& w = days_;
  for (int m = 0; m < 12; ++m) {
    for (int d = days_of(m).begin; d < days_of(m).end; ++d) w[d] = DailyWeather{};
    for (int d = days_of(m).begin; d < days_of(m).end; ++d) w[d].month = m + 1;
  }

  // Rain days: a persistent two-state Markov chain with the month's wet fraction, then days added
  // next to wet spells or removed at random until the month has its normal count exactly.
  std::vector<char> wet(365, 0);
  bool state = false;
  for (int m = 0; m < 12; ++m) {
    const MonthlyNormals& n = normals_.months[m];
    const MonthDays md = days_of(m);
    const int n_days = md.end - md.begin;
    const int target =
        n.precip_mm > 0 ? std::clamp(static_cast<int>(std::lround(n.precip_days)), 1, n_days) : 0;
    const double pi = static_cast<double>(target) / n_days;
    const double wet_after_dry = pi < 1 ? std::min(1.0, pi * (1 - kWetAfterWet) / (1 - pi)) : 1.0;
    for (int d = md.begin; d < md.end; ++d) {
      state = rng.uniform() < (state ? kWetAfterWet : wet_after_dry);
      wet[d] = state;
    }
    int count = static_cast<int>(std::count(wet.begin() + md.begin, wet.begin() + md.end, 1));
    while (count != target) {
      std::vector<int> candidates;
      for (int d = md.begin; d < md.end; ++d) {
        const bool next_to_wet = (d > 0 && wet[d - 1]) || (d < 364 && wet[d + 1]);
        if (count > target ? wet[d] : (!wet[d] && next_to_wet)) candidates.push_back(d);
      }
      if (candidates.empty()) {  // no wet day yet: any dry day
        for (int d = md.begin; d < md.end; ++d) {
          if (!wet[d]) candidates.push_back(d);
        }
      }
      const int d = candidates[rng.below(static_cast<int>(candidates.size()))];
      wet[d] = count < target;
      count += count < target ? 1 : -1;
    }
    state = wet[md.end - 1];
  }

  // Rain amounts: exponential, at least kMinRainDay_mm, summing to the monthly normal; each day's
  // rain falls in one spell of 3–12 h.
  for (int m = 0; m < 12; ++m) {
    const MonthDays md = days_of(m);
    double sum = 0;
    for (int d = md.begin; d < md.end; ++d) {
      if (wet[d]) sum += (w[d].precip_mm = -std::log(rng.uniform()));
    }
    if (sum == 0) continue;
    const int n_wet = static_cast<int>(std::count(wet.begin() + md.begin, wet.begin() + md.end, 1));
    const double spare = normals_.months[m].precip_mm - kMinRainDay_mm * n_wet;
    for (int d = md.begin; d < md.end; ++d) {
      if (!wet[d]) continue;
      w[d].precip_mm = kMinRainDay_mm + std::max(spare, 0.0) * w[d].precip_mm / sum;
      w[d].rain_hours = 3 + rng.below(10);
      w[d].rain_start_h = rng.below(24 - w[d].rain_hours + 1);
    }
  }

  // Wind regimes, episode by episode: in winter cold surges (N–NNE, strong, cold), stagnation in
  // dry spells (weak, turning wind), else the prevailing monsoon flow; in summer the monsoon flow
  // and variable weak-gradient days. Months without a prevailing direction draw N or S per episode.
  std::vector<double> speed_factor(365), cooling(365, 0.0);
  for (int d = 0; d < 365;) {
    const MonthlyNormals& n = normals_.months[w[d].month - 1];
    const double prevailing = std::isnan(n.prevailing_from_deg)
                                  ? (rng.uniform() < 0.5 ? 0.0 : 180.0)
                                  : n.prevailing_from_deg;
    int dry_run = 0;
    while (d + dry_run < 365 && !wet[d + dry_run]) ++dry_run;
    const double u = rng.uniform();
    int length;
    if (winter(w[d].month) && u < 0.25) {  // cold surge
      length = 1 + rng.below(2);
      for (int e = d; e < std::min(365, d + length); ++e) {
        w[e].wind_from_deg = 15 * rng.uniform();
        speed_factor[e] = 1.6;
        cooling[e] = kSurgeCooling_k;
      }
    } else if (winter(w[d].month) && u < 0.6 && dry_run >= 3) {  // stagnation
      length = std::min(dry_run, 3 + rng.below(4));
      const double start = 360 * rng.uniform();
      for (int e = d; e < d + length; ++e) {
        w[e].wind_from_deg = std::fmod(start + 60.0 * (e - d), 360.0);
        speed_factor[e] = 0.35;
        w[e].stagnant = true;
      }
    } else {  // monsoon flow, or in summer sometimes a weak variable wind
      length = 2 + rng.below(4);
      const bool variable = !winter(w[d].month) && rng.uniform() < 0.2;
      for (int e = d; e < std::min(365, d + length); ++e) {
        w[e].wind_from_deg =
            variable ? 360 * rng.uniform() : std::fmod(prevailing + 30 * rng.normal() + 360, 360);
        speed_factor[e] = variable ? 0.7 : 1.0 + 0.2 * rng.normal();
        speed_factor[e] = std::max(speed_factor[e], 0.4);
      }
    }
    d += length;
  }
  for (int d = 0; d < 365; ++d) w[d].wind_m_s = speed_factor[d];
  impose_monthly_mean(
      w, [](DailyWeather& x) -> double& { return x.wind_m_s; },
      [&](int m) { return normals_.months[m].wind_m_s; });

  // Temperature: the normals interpolated between mid-months, AR(1) anomalies, surge and rain
  // cooling; each month then shifted to its normal mean.
  double anomaly = 0;
  for (int d = 0; d < 365; ++d) {
    const int m = w[d].month - 1;
    const double mid = days_of(m).begin + 0.5 * kDaysInTypicalMonth[m];
    const int other = d + 0.5 < mid ? (m + 11) % 12 : (m + 1) % 12;
    double other_mid = days_of(other).begin + 0.5 * kDaysInTypicalMonth[other];
    if (other == 11 && m == 0) other_mid -= 365;
    if (other == 0 && m == 11) other_mid += 365;
    const double f = (d + 0.5 - mid) / (other_mid - mid);
    const double smooth =
        (1 - f) * normals_.months[m].t_mean_c + f * normals_.months[other].t_mean_c;
    const double sd = winter(m + 1) ? kAnomalySdWinter_k : kAnomalySdSummer_k;
    anomaly =
        kAnomalyLag1 * anomaly + std::sqrt(1 - kAnomalyLag1 * kAnomalyLag1) * sd * rng.normal();
    w[d].t_mean_c = smooth + anomaly - cooling[d] - (wet[d] ? kRainCooling_k : 0.0);
  }
  for (int m = 0; m < 12; ++m) {
    const MonthDays md = days_of(m);
    double sum = 0;
    for (int d = md.begin; d < md.end; ++d) sum += w[d].t_mean_c;
    const double shift = normals_.months[m].t_mean_c - sum / (md.end - md.begin);
    for (int d = md.begin; d < md.end; ++d) w[d].t_mean_c += shift;
  }

  // Sunshine: the monthly total shared out by weights (rain days little, stagnant days hazy), at
  // most 85 % of the day length; cloud cover as one minus the relative sunshine duration.
  for (int m = 0; m < 12; ++m) {
    const MonthDays md = days_of(m);
    std::vector<double> weight(md.end - md.begin);
    for (int d = md.begin; d < md.end; ++d) {
      const double u = rng.uniform();
      weight[d - md.begin] = wet[d] ? 0.05 + 0.15 * u : (0.7 + 0.6 * u) * (w[d].stagnant ? 0.8 : 1);
    }
    double left = normals_.months[m].sunshine_h;
    std::vector<bool> capped(weight.size(), false);
    for (int pass = 0; pass < 10 && left > 1e-9; ++pass) {
      double total = 0;
      for (std::size_t i = 0; i < weight.size(); ++i) total += capped[i] ? 0 : weight[i];
      if (total == 0) break;
      const double share = left;
      for (std::size_t i = 0; i < weight.size(); ++i) {
        if (capped[i]) continue;
        DailyWeather& x = w[md.begin + static_cast<int>(i)];
        const double room = 0.85 * day_length_h(md.begin + static_cast<int>(i)) - x.sunshine_h;
        const double add = std::min(room, share * weight[i] / total);
        x.sunshine_h += add;
        left -= add;
        if (add == room) capped[i] = true;
      }
    }
    for (int d = md.begin; d < md.end; ++d) {
      w[d].cloud_fraction = std::clamp(1 - w[d].sunshine_h / day_length_h(d), 0.0, 1.0);
    }
  }

  // Diurnal range: smaller under cloud, larger in calm clear stagnation; the monthly mean is the
  // normal's mean maximum minus mean minimum.
  for (DailyWeather& x : w) x.dtr_k = 1.3 - 0.8 * x.cloud_fraction + (x.stagnant ? 0.2 : 0.0);
  impose_monthly_mean(
      w, [](DailyWeather& x) -> double& { return x.dtr_k; },
      [&](int m) { return normals_.months[m].t_max_c - normals_.months[m].t_min_c; });

  // Humidity: a day's vapour pressure from its relative humidity (higher on rain days, lower in
  // sun), then scaled per month until the hourly relative humidity has the normal monthly mean.
  for (DailyWeather& x : w) {
    const double rh = std::clamp(normals_.months[x.month - 1].rh_pct / 100 +
                                     (x.precip_mm > 0 ? 0.08 : 0.0) - 0.1 * (1 - x.cloud_fraction),
                                 0.2, 1.0);
    x.vapour_pa = rh * thermo::saturation_vapour_pressure_pa(x.t_mean_c + thermo::kT0);
  }
  for (int iter = 0; iter < 6; ++iter) {
    for (int m = 0; m < 12; ++m) {
      const MonthDays md = days_of(m);
      double sum = 0;
      for (int d = md.begin; d < md.end; ++d) {
        for (int h = 0; h < 24; ++h) sum += hour_of(d, h + 0.5).rh;
      }
      const double mean = sum / (24.0 * (md.end - md.begin));
      for (int d = md.begin; d < md.end; ++d)
        w[d].vapour_pa *= normals_.months[m].rh_pct / 100 / mean;
    }
  }
}

HourlyWeather WeatherGenerator::hour_of(int d, double solar_hour) const {
  const DailyWeather& x = days_[d];
  const DailyWeather& next = days_[(d + 1) % 365];
  HourlyWeather h{};
  h.day = &x;
  h.solar_hour = solar_hour;
  // Temperature peaks at 14:30 solar time; the cosine averages to zero over the day's hours.
  h.t2_c = x.t_mean_c + 0.5 * x.dtr_k * std::cos(2 * kPi * (solar_hour - 14.5) / 24);
  h.rh = std::min(1.0, x.vapour_pa / thermo::saturation_vapour_pressure_pa(h.t2_c + thermo::kT0));
  // Wind strongest in the afternoon, when mixing brings momentum down; the direction turns
  // smoothly through the day towards the next day's.
  h.wind_m_s = x.wind_m_s * (1 + 0.35 * std::cos(2 * kPi * (solar_hour - 14) / 24));
  h.wind_from_deg = std::fmod(
      x.wind_from_deg + turn_deg(x.wind_from_deg, next.wind_from_deg) * solar_hour / 24 + 360, 360);
  const bool raining =
      x.precip_mm > 0 && solar_hour >= x.rain_start_h && solar_hour < x.rain_start_h + x.rain_hours;
  h.precip_mm_h = raining ? x.precip_mm / x.rain_hours : 0.0;
  h.cloud_fraction = x.cloud_fraction;
  return h;
}

HourlyWeather WeatherGenerator::at(UnixSeconds t) const {
  int d;
  double hour;
  typical_day_and_hour(t, lon_deg_, d, hour);
  return hour_of(d, hour);
}

}  // namespace kctm
