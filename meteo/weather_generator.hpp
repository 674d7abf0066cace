#pragma once
// A typical year of hourly surface weather at one station, generated deterministically from its
// monthly climate normals (meteo/climate_normals.hpp). Monthly means and totals are imposed
// exactly on the daily series (temperature, humidity, precipitation and rain days, sunshine, wind
// speed); within them the series has synoptic structure:
// - rain on a fixed number of days per month, placed by a persistent two-state Markov chain,
//   amounts exponentially distributed, falling in one spell of 3–12 h;
// - wind regimes of several days: the month's prevailing monsoon flow, cold surges from the north
//   after which the wind drops, and in winter multi-day stagnation episodes in dry spells (weak,
//   turning wind, strong night-time inversions);
// - temperature anomalies correlated from day to day (AR(1)), colder in surges and on rain days;
//   cloud cover from the sunshine fraction, less sun on rain days.
// Hours follow the diurnal cycles of temperature (maximum mid-afternoon), humidity (from the day's
// vapour pressure), wind speed (maximum in the afternoon) and radiation (the sun's elevation).
#include <array>
#include <cstdint>
#include <vector>

#include "base/civil_time.hpp"
#include "meteo/climate_normals.hpp"

namespace kctm {

struct DailyWeather {
  int month;              ///< 1..12
  double t_mean_c;        ///< daily mean temperature [°C]
  double dtr_k;           ///< diurnal temperature range [K]
  double vapour_pa;       ///< vapour pressure, constant through the day [Pa]
  double precip_mm;       ///< precipitation [mm]
  int rain_start_h;       ///< local solar hour the rain starts (when precip_mm > 0)
  int rain_hours;         ///< duration of the rain [h]
  double sunshine_h;      ///< sunshine duration [h]
  double cloud_fraction;  ///< daytime cloud cover [1]
  double wind_m_s;        ///< daily mean 10 m wind speed [m s-1]
  double wind_from_deg;   ///< direction the wind blows from [deg]
  bool stagnant;          ///< in a stagnation episode
};

/// The surface weather of one hour.
struct HourlyWeather {
  const DailyWeather* day;
  double t2_c;            ///< 2 m temperature [°C]
  double rh;              ///< relative humidity [0..1]
  double wind_m_s;        ///< 10 m wind speed [m s-1]
  double wind_from_deg;   ///< direction the wind blows from [deg]
  double precip_mm_h;     ///< precipitation rate [mm h-1]
  double cloud_fraction;  ///< cloud cover [1]
  double solar_hour;      ///< local solar time [h], 0..24
};

class WeatherGenerator {
 public:
  /// A year for a station at (lat, lon); the same seed gives the same year on every machine.
  WeatherGenerator(const ClimateNormals& normals, double lat_deg, double lon_deg,
                   std::uint64_t seed);
  /// Day d of the typical (non-leap) year, d = 0..364.
  const DailyWeather& day(int d) const { return days_[d]; }
  /// Weather of the hour around time t (local solar time from the station's longitude; 29
  /// February repeats the 28th).
  HourlyWeather at(UnixSeconds t) const;
  /// Astronomical day length on day d [h].
  double day_length_h(int d) const;
  const ClimateNormals& normals() const { return normals_; }
  double lat_deg() const { return lat_deg_; }
  double lon_deg() const { return lon_deg_; }

 private:
  void generate(std::uint64_t seed);
  HourlyWeather hour_of(int d, double solar_hour) const;

  ClimateNormals normals_;
  double lat_deg_, lon_deg_;
  std::vector<DailyWeather> days_;
};

/// Day of the typical year (0..364) and local solar hour of time t at longitude lon.
void typical_day_and_hour(UnixSeconds t, double lon_deg, int& day, double& solar_hour);

}  // namespace kctm
