#include "config/key_bounds.hpp"

#include <cstdio>

#include "base/error.hpp"
#include "config/run_config.hpp"

namespace kctm {

namespace {

// Reasons shared by several keys.
constexpr const char* kLatitude = "a latitude, short of the poles";
constexpr const char* kLongitude = "a longitude, east of -180";
constexpr const char* kDirection = "an angle in degrees";
constexpr const char* kFraction = "a fraction of the domain";
// Surface roughness lengths span 1e-5 m (snow, calm water) to 1-3 m (city centres, forests)
// (Wieringa 1993, Boundary-Layer Meteorol. 63:323; Stull 1988, Fig. 9.6).
constexpr const char* kRoughness = "roughness lengths span 1e-5 m (snow) to 3 m (city centres)";
// A floor on Kz: CMAQ's lies between 0.01 (rural) and 1 m2 s-1 (urban) (Byun & Ching 1999,
// EPA/600/R-99/030, ch. 7); above a few m2 s-1 a floor becomes the mixing itself.
constexpr const char* kKzFloor = "a floor on Kz: 0.01 (rural) to 1 m2 s-1 (urban) in CMAQ";
// 100 ppm of a gas, or 100 mg m-3 of an aerosol: far beyond any air a boundary could bring, and
// far from overflow in the mixing ratios.
constexpr const char* kBoundaryAir = "100 ppm or 100 mg m-3 is beyond any boundary air";
constexpr const char* kTracerAmount = "a tracer amount below 1e6";

const std::vector<KeyBound> kBounds = {
    {"time.hours", 1, kMaxHours, "over a century at most"},
    {"time.step_s", 1, 3600, "an operator-splitting step of at most an hour"},
    {"time.spinup_days", 0, 366, "at most a year of spin-up"},
    {"grid.projection.lat_1", -89, 89, kLatitude},
    {"grid.projection.lat_2", -89, 89, kLatitude},
    {"grid.projection.lat_0", -89, 89, kLatitude},
    {"grid.projection.lon_0", -180, 360, kLongitude},
    {"grid.projection.earth_radius_m", 6.35e6, 6.39e6,
     "the Earth's radius: 6357 km (polar) to 6378 km (equatorial)"},
    {"grid.core_box.lon_min", -180, 360, kLongitude},
    {"grid.core_box.lon_max", -180, 360, kLongitude},
    {"grid.core_box.lat_min", -89, 89, kLatitude},
    {"grid.core_box.lat_max", -89, 89, kLatitude},
    {"grid.buffer_km", 0, 1000, "a ring of at most 1000 km"},
    // The boundary layer is parameterised (K-theory, no resolved eddies): below a few hundred
    // metres the grid enters the turbulence grey zone (Wyngaard 2004, J. Atmos. Sci. 61:1816).
    {"grid.dx_km", 0.25, 100, "finer than 0.25 km the boundary layer's eddies are resolved"},
    // The meteorology without WRF is a troposphere with a lower stratosphere above it.
    {"grid.levels_m", 0, 20000, "interfaces from the ground to at most 20 km"},
    {"grid.mask.subsamples", 1, 32, "samples per cell side"},
    {"meteo.climatology.seed", 0, 9007199254740992.0, "a seed from 0 to 2^53"},
    {"meteo.climatology.roughness_m", 1e-5, 3, kRoughness},
    {"meteo.climatology.kz_min_m2_s", 0.01, 5, kKzFloor},
    {"meteo.climatology.kz_min_urban_m2_s", 0.01, 5, kKzFloor},
    {"meteo.climatology.land_use", 1, 24, "a USGS 24-category land use"},
    {"meteo.wrf.roughness_m", 1e-5, 3, kRoughness},
    {"meteo.wrf.kz_min_m2_s", 0.01, 5, kKzFloor},
    {"meteo.wrf.kz_min_urban_m2_s", 0.01, 5, kKzFloor},
    {"meteo.placeholder.wind_speed_m_s", 0, 50,
     "stronger than any surface wind outside a tropical cyclone"},
    {"meteo.placeholder.wind_from_deg", -360, 360, kDirection},
    {"meteo.placeholder.wind_turn_deg_per_h", -360, 360, "at most a full turn an hour"},
    // Boundary layers range from ~50 m (winter nights) to ~4 km (deserts in summer)
    // (Seidel et al. 2010, J. Geophys. Res. 115:D16113).
    {"meteo.placeholder.pbl_height_day_m", 10, 5000, "boundary layers reach 50 m to 4 km"},
    {"meteo.placeholder.pbl_height_night_m", 10, 5000, "boundary layers reach 50 m to 4 km"},
    {"meteo.placeholder.sensible_heat_noon_w_m2", -300, 1000,
     "the sun brings at most ~1000 W m-2 to the ground"},
    {"meteo.placeholder.sensible_heat_night_w_m2", -300, 1000,
     "the sun brings at most ~1000 W m-2 to the ground"},
    {"meteo.placeholder.roughness_m", 1e-5, 3, kRoughness},
    {"meteo.placeholder.kz_min_m2_s", 0.01, 5, kKzFloor},
    {"meteo.analytic.speed_m_s", 0, 100, "a wind below 100 m s-1"},
    {"meteo.analytic.direction_deg", -360, 360, kDirection},
    {"meteo.analytic.period_s", 60, 1e8, "a period from a minute to three years"},
    // Changsha-Zhuzhou-Xiangtan emits ~1.5x Hengyang's NOx per km2 (default_config.yaml).
    {"emissions.regional_factor", 0, 10, "the neighbours emit at most 10x Hengyang per km2"},
    {"chemistry.rtol", 1e-8, 0.1, "a relative tolerance from 1e-8 to 10 %"},
    {"chemistry.atol", 1e-3, 1e5, "an absolute tolerance below 1e5 molecules cm-3"},
    {"chemistry.background.*", 0, 1e5, kBoundaryAir},
    {"chemistry.regional_inflow.*", 0, 1e5, kBoundaryAir},
    {"chemistry.regional_inflow_top_m", 0, 2e4,
     "from the ground to 20 km, above the top of any regional model"},
    // Smagorinsky-type Kh at grids of 1-30 km stays within tens to a few thousand m2 s-1.
    {"transport.kh_m2_s", 0, 1e4, "horizontal diffusivities stay below 1e4 m2 s-1"},
    {"tracer.source_lon", -180, 360, kLongitude},
    {"tracer.source_lat", -89, 89, kLatitude},
    {"tracer.source_height_m", 0, 20000, "a release height inside the model"},
    {"tracer.emission_kg_s", 0, 1e6, kTracerAmount},
    {"tracer.boundary_ug_kg", 0, 1e6, kTracerAmount},
    // The fastest-depositing gas, HNO3, reaches a few cm s-1 (Wesely & Hicks 2000, Atmos.
    // Environ. 34:2261).
    {"tracer.deposition_velocity_m_s", 0, 0.1, "dry deposition velocities stay below 10 cm s-1"},
    {"tracer.initial.center_x", 0, 1, kFraction},
    {"tracer.initial.center_y", 0, 1, kFraction},
    {"tracer.initial.radius", 0, 1, kFraction},
    {"tracer.initial.peak_ug_kg", 0, 1e6, kTracerAmount},
    {"output.deflate_level", 0, 9, "NetCDF's deflate levels"},
    {"output.layers", 0, 1000, "0 (every layer) or a number of layers"},
    {"output.file_day_utc_offset_h", -12, 14, "a time zone's offset from UTC"},
    {"checkpoint.interval_hours", 0, kMaxHours, "0 (on a stop signal only) to the longest run"},
    {"log.progress_interval_s", 0.01, 1e7, "from 10 ms to four months"},
};

bool covers(const std::string& pattern, const std::string& key) {
  if (pattern.size() > 2 && pattern.compare(pattern.size() - 2, 2, ".*") == 0) {
    const std::string section = pattern.substr(0, pattern.size() - 1);  // with the dot
    return key.compare(0, section.size(), section) == 0 &&
           key.find('.', section.size()) == std::string::npos;
  }
  return pattern == key;
}

}  // namespace

const std::vector<KeyBound>& key_bounds() { return kBounds; }

std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

const KeyBound& key_bound(const std::string& key) {
  for (const KeyBound& b : kBounds) {
    if (covers(b.key, key)) return b;
  }
  throw Error(key, "no range is known for this key", "add it to config/key_bounds.cpp");
}

namespace {
void check_shown(const std::string& where, double value, const std::string& shown, double lo,
                 double hi, const std::string& why) {
  if (!(value >= lo && value <= hi)) {
    throw Error(where, "out of range",
                "must lie in [" + short_number(lo) + ", " + short_number(hi) + "]" +
                    (why.empty() ? "" : ": " + why) + "; got " + shown);
  }
}
}  // namespace

void check_range(const std::string& where, double value, double lo, double hi,
                 const std::string& why) {
  check_shown(where, value, short_number(value), lo, hi, why);
}

void check_bound(const std::string& key, double value, const std::string& where) {
  const KeyBound& b = key_bound(key);
  check_shown(where, value, short_number(value), b.lo, b.hi, b.why);
}

void check_bound(const std::string& key, long value, const std::string& where) {
  const KeyBound& b = key_bound(key);
  check_shown(where, static_cast<double>(value), std::to_string(value), b.lo, b.hi, b.why);
}

}  // namespace kctm
