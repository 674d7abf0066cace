#pragma once
// The spatial facts emissions are allocated with, read from CSV tables shipped in
// emissions/data/ (copies of the project's hengyang-facts tables, sources and quality flags kept):
// county-level statistics and named point sources.
#include <string>
#include <vector>

#include "base/csv.hpp"

namespace kctm {

struct CountyStats {
  long adcode;
  std::string name_en;
  double population;  ///< resident population (2018) [persons]
  double area_km2;
  double seat_lon_deg, seat_lat_deg;  ///< the government seat [approx]
};

struct PointSource {
  std::string name_en, type;
  double lon_deg, lat_deg;
  double stack_height_m;
  std::string coord_quality;  ///< how well the location is known (the table's own flag)
};

/// counties.csv: adcode,name_zh,name_en,population,pop_year,area_km2,…
std::vector<CountyStats> parse_counties(const std::string& text, const std::string& where);
/// point_sources.csv: name_zh,name_en,type,county,lon,lat,capacity,stack_height_m,coord_quality
std::vector<PointSource> parse_point_sources(const std::string& text, const std::string& where);

/// The built-in Hengyang tables.
const std::vector<CountyStats>& hengyang_counties();
const std::vector<PointSource>& hengyang_point_sources();

}  // namespace kctm
