#pragma once
// The climatological weather month by month, as the transport sees it at the city: the boundary
// layer's afternoon and night heights, the 10 m wind, rain, stagnation, and a box model's
// dilution 1/(h·U), whose monthly mean says how a constant emission's concentration follows the
// weather's seasons before chemistry and deposition.
#include <array>
#include <string>

#include "meteo/climatology_meteo.hpp"

namespace kctm {

struct MonthClimate {
  double pbl_afternoon_m = 0;  ///< mean boundary-layer height at 14:00 Beijing time [m]
  double pbl_night_m = 0;      ///< ... at 02:00 [m]
  double wind_m_s = 0;         ///< mean 10 m wind speed [m s-1]
  double rain_mm = 0;          ///< total precipitation [mm]
  int rain_days = 0;           ///< days with rain
  int stagnant_days = 0;       ///< days in a stagnation episode
  double dilution_s_m2 = 0;    ///< hourly mean of 1 / (boundary-layer height × 10 m wind) [s m-2]
};

/// The twelve months of the typical year of `met` (a non-leap year, hour by hour).
std::array<MonthClimate, 12> climate_by_month(const ClimatologyMeteo& met);

/// The months as a Markdown table, the dilution relative to the year's mean.
std::string climate_table(const std::array<MonthClimate, 12>& months);

}  // namespace kctm
