#pragma once
// Monthly climate normals of a station, as the climatological meteorology needs them, read from a
// CSV table (the Hengyang station's, WMO 57872, is built in: meteo/data/climate_57872_monthly.csv,
// with its sources in meteo/data/SOURCE.md).
#include <array>
#include <string>

namespace kctm {

struct MonthlyNormals {
  double t_mean_c, t_max_c, t_min_c;  ///< mean, mean daily maximum and minimum temperature [°C]
  double rh_pct;                      ///< mean relative humidity [%]
  double precip_mm;                   ///< precipitation total [mm]
  double precip_days;                 ///< days with ≥ 0.1 mm [d]
  double sunshine_h;                  ///< sunshine duration [h]
  double wind_m_s;                    ///< mean 10 m wind speed [m s-1]
  double prevailing_from_deg;         ///< prevailing direction the wind blows from [deg], or NaN
  std::string quality;                ///< the table's quality flag for the row
};

struct ClimateNormals {
  std::array<MonthlyNormals, 12> months;  ///< January .. December
  std::string source;                     ///< the file it came from ("built-in …" when embedded)
};

/// Mean 10 m wind used for months whose wind_ms cell is empty: about 2 m s-1 for Hengyang
/// (FACTS-INPUTS.md §1, unverified; no monthly source was found).
constexpr double kDefaultWindSpeed_m_s = 2.0;

/// Parses a normals table with the header
/// month,t_mean_c,t_max_c,t_min_c,rh_pct,precip_mm,precip_days,sunshine_h,wind_ms,prevailing_dir,quality
/// and rows 1..12 (an "annual" row is allowed and ignored). `where` names the source in errors,
/// which give its line and column.
ClimateNormals parse_climate_normals(const std::string& text, const std::string& where);

/// The built-in Hengyang (57872) normals.
const ClimateNormals& hengyang_normals();

/// Reads a normals file; throws kctm::Error naming the file when it cannot be read.
ClimateNormals read_climate_normals(const std::string& path);

}  // namespace kctm
