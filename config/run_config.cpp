#include "config/run_config.hpp"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "base/error.hpp"
#include "base/input_file.hpp"
#include "chemistry/species.hpp"

namespace kctm {

namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

double positive(const Config& c, const std::string& key) {
  const double v = c.get_double(key);
  if (!(v > 0)) throw Error(c.where(key), "must be positive", "got " + number(v));
  return v;
}

double non_negative(const Config& c, const std::string& key) {
  const double v = c.get_double(key);
  if (!(v >= 0)) throw Error(c.where(key), "must not be negative", "got " + number(v));
  return v;
}

// Concentrations of a background or an inflow: 100 ppm, or 100 mg m-3, is far beyond any air a
// boundary could bring, and keeps mixing ratios far from overflow.
constexpr double kMaxBoundaryConcentration = 1e5;

/// A background or inflow value per month (0 when the species is not listed), each within
/// [0, kMaxBoundaryConcentration].
MonthlyCycle non_negative_monthly(const Config& c, const std::string& key) {
  if (!c.has(key)) return MonthlyCycle::constant(0.0);
  const MonthlyCycle cycle = c.get_monthly(key);
  for (const double v : cycle.month) {
    if (!(v >= 0 && v <= kMaxBoundaryConcentration)) {
      throw Error(c.where(key), "must be within 0 and " + number(kMaxBoundaryConcentration),
                  "got " + number(v));
    }
  }
  return cycle;
}

/// The tracer is a field beside the species and a variable of the NetCDF output: a name of the
/// portable NetCDF set, not a species'.
void check_tracer_name(const std::string& name, const std::string& where) {
  auto letter = [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)) || ch == '_'; };
  const bool valid =
      !name.empty() && letter(name[0]) && std::all_of(name.begin(), name.end(), [&](char ch) {
        return letter(ch) || std::isdigit(static_cast<unsigned char>(ch)) ||
               std::string_view(".@+-").find(ch) != std::string_view::npos;
      });
  if (!valid) {
    throw Error(where, "'" + name + "' is not a valid NetCDF variable name",
                "letters, digits and _.@+-, beginning with a letter or _");
  }
  if (chem::species_index(name) >= 0) {
    throw Error(where, "'" + name + "' is a species of the chemistry",
                "give the tracer another name");
  }
}

/// An integer key within [lo, hi], checked before it is narrowed or multiplied.
long int_in_range(const Config& c, const std::string& key, long lo, long hi) {
  const long v = c.get_int(key);
  if (v < lo || v > hi) {
    throw Error(c.where(key), "out of range",
                std::to_string(lo) + " to " + std::to_string(hi) + ", got " + std::to_string(v));
  }
  return v;
}

double in_range(const Config& c, const std::string& key, double lo, double hi) {
  const double v = c.get_double(key);
  if (!(v >= lo && v <= hi)) {
    throw Error(c.where(key), "out of range",
                "must lie in [" + number(lo) + ", " + number(hi) + "], got " + number(v));
  }
  return v;
}

}  // namespace

namespace {
/// The files a glob pattern matches, sorted; an error naming the key when there are none.
std::vector<std::string> wrf_files(const Config& c, const std::string& key) {
  const std::string pattern = c.get_path(key);
  if (pattern.empty()) throw Error(c.where(key), "no WRF files given", "a path or glob pattern");
  glob_t g{};
  const int rc = ::glob(pattern.c_str(), 0, nullptr, &g);
  std::vector<std::string> files(g.gl_pathv, g.gl_pathv + (rc == 0 ? g.gl_pathc : 0));
  ::globfree(&g);
  if (files.empty()) throw Error(c.where(key), "no file matches '" + pattern + "'");
  for (const std::string& f : files) require_input_file(f, "WRF file", c.where(key));
  return files;
}
}  // namespace

RunConfig read_run_config(const Config& c) {
  RunConfig r;
  const std::string start = c.get_string("time.start");
  if (!parse_iso8601(start, r.start)) {
    throw Error(c.where("time.start"), "not an ISO 8601 time with a UTC offset: '" + start + "'",
                "e.g. 2019-01-01T00:00:00+08:00");
  }
  r.hours = int_in_range(c, "time.hours", 1, kMaxHours);
  r.step_s = positive(c, "time.step_s");
  r.spinup_days = int_in_range(c, "time.spinup_days", 0, 366);
  if (std::fmod(3600.0, r.step_s) != 0.0) {
    throw Error(c.where("time.step_s"), "must divide an hour evenly", "e.g. 300, 600 or 900");
  }

  r.domain.projection = {in_range(c, "grid.projection.lat_1", -89, 89),
                         in_range(c, "grid.projection.lat_2", -89, 89),
                         in_range(c, "grid.projection.lat_0", -89, 89),
                         in_range(c, "grid.projection.lon_0", -180, 360),
                         positive(c, "grid.projection.earth_radius_m")};
  r.domain.core = {in_range(c, "grid.core_box.lon_min", -180, 360),
                   in_range(c, "grid.core_box.lon_max", -180, 360),
                   in_range(c, "grid.core_box.lat_min", -89, 89),
                   in_range(c, "grid.core_box.lat_max", -89, 89)};
  r.domain.buffer_m = 1000.0 * non_negative(c, "grid.buffer_km");
  r.domain.dx_m = 1000.0 * positive(c, "grid.dx_km");
  r.domain.level_interfaces_m = c.get_doubles("grid.levels_m");
  VerticalLevels(r.domain.level_interfaces_m, c.where("grid.levels_m").c_str());  // checks them
  r.counties_file = c.get_path("grid.mask.counties_file");
  r.counties_file_where = c.where("grid.mask.counties_file");
  r.counties_file_required = c.user_set("grid.mask.counties_file") && !r.counties_file.empty();
  r.mask_subsamples = static_cast<int>(int_in_range(c, "grid.mask.subsamples", 1, 32));

  r.meteo_kind = c.get_string("meteo.kind");
  if (r.meteo_kind != "climatology" && r.meteo_kind != "wrf" && r.meteo_kind != "placeholder" &&
      r.meteo_kind != "analytic") {
    throw Error(c.where("meteo.kind"), "unknown meteorology kind '" + r.meteo_kind + "'",
                "climatology, wrf, placeholder or analytic");
  }
  r.wrf = {{}, positive(c, "meteo.wrf.roughness_m"), positive(c, "meteo.wrf.kz_min_m2_s")};
  if (r.meteo_kind == "wrf") r.wrf.files = wrf_files(c, "meteo.wrf.files");
  r.climatology = {c.get_path("meteo.climatology.normals_file"),
                   static_cast<std::uint64_t>(c.get_int("meteo.climatology.seed")),
                   positive(c, "meteo.climatology.roughness_m"),
                   positive(c, "meteo.climatology.kz_min_m2_s"),
                   // a USGS 24-category land use
                   static_cast<int>(int_in_range(c, "meteo.climatology.land_use", 1, 24))};
  if (!r.climatology.normals_file.empty()) {
    require_input_file(r.climatology.normals_file, "climate normals file",
                       c.where("meteo.climatology.normals_file"));
  }
  r.analytic = {c.get_string("meteo.analytic.flow"), non_negative(c, "meteo.analytic.speed_m_s"),
                c.get_double("meteo.analytic.direction_deg"),
                positive(c, "meteo.analytic.period_s")};
  if (!is_analytic_flow(r.analytic.flow)) {
    throw Error(c.where("meteo.analytic.flow"), "unknown flow '" + r.analytic.flow + "'",
                "uniform, rotation, deformation or divergent");
  }
  r.meteo = {non_negative(c, "meteo.placeholder.wind_speed_m_s"),
             c.get_double("meteo.placeholder.wind_from_deg"),
             c.get_double("meteo.placeholder.wind_turn_deg_per_h"),
             positive(c, "meteo.placeholder.pbl_height_day_m"),
             positive(c, "meteo.placeholder.pbl_height_night_m"),
             c.get_double("meteo.placeholder.sensible_heat_noon_w_m2"),
             c.get_double("meteo.placeholder.sensible_heat_night_w_m2"),
             positive(c, "meteo.placeholder.roughness_m"),
             positive(c, "meteo.placeholder.kz_min_m2_s")};

  r.emissions = c.get_bool("emissions.enabled");
  r.emissions_user_file = c.get_path("emissions.user_file");
  r.emissions_regional_factor = non_negative(c, "emissions.regional_factor");
  r.emissions_biogenic = c.get_bool("emissions.biogenic");
  r.emissions_scale_where = c.where("emissions.scale");
  r.emissions_scale = parse_scale_rules(c.get_string("emissions.scale"), r.emissions_scale_where);
  if (!r.emissions_user_file.empty()) {
    require_input_file(r.emissions_user_file, "inventory file", c.where("emissions.user_file"));
  }
  r.emissions_speciation_file = c.get_path("emissions.speciation_file");
  if (!r.emissions_speciation_file.empty()) {
    require_input_file(r.emissions_speciation_file, "speciation file",
                       c.where("emissions.speciation_file"));
  }
  r.chemistry.enabled = c.get_bool("chemistry.enabled");
  r.chemistry.solver.rtol = positive(c, "chemistry.rtol");
  r.chemistry.solver.atol = positive(c, "chemistry.atol");
  for (const chem::SpeciesEntry& s : chem::kSpecies) {
    const std::string key = "chemistry.background." + std::string(s.name);
    r.chemistry.background.push_back(non_negative_monthly(c, key));
    const std::string regional = "chemistry.regional_inflow." + std::string(s.name);
    r.chemistry.regional_inflow.push_back(non_negative_monthly(c, regional));
  }
  SourceApportionmentConfig& sa = r.apportionment;
  // On by default wherever the chemistry's species are carried; asked for without them, an error.
  sa.enabled = c.get_bool("source_apportionment.enabled");
  if (sa.enabled && !r.chemistry.enabled && !r.emissions) {
    if (c.user_set("source_apportionment.enabled")) {
      throw Error(c.where("source_apportionment.enabled"),
                  "source apportionment tags the chemistry's species",
                  "turn on chemistry.enabled or emissions.enabled");
    }
    sa.enabled = false;
  }
  sa.sources = c.get_string("source_apportionment.sources");
  sa.sources_where = c.where("source_apportionment.sources");
  sa.by_county = c.get_bool("source_apportionment.by_county");
  sa.factors = c.get_string("source_apportionment.factors");
  sa.factors_where = c.where("source_apportionment.factors");
  sa.stations_file = c.get_path("source_apportionment.stations_file");
  sa.stations_required =
      c.user_set("source_apportionment.stations_file") && !sa.stations_file.empty();
  if (sa.stations_required) {
    require_input_file(sa.stations_file, "stations file",
                       c.where("source_apportionment.stations_file"));
  }
  r.kh_m2_s = non_negative(c, "transport.kh_m2_s");
  r.transport_monotone = c.get_bool("transport.monotone");
  r.boundary_file = c.get_path("boundary.file");
  if (!r.boundary_file.empty()) {
    require_input_file(r.boundary_file, "boundary file", c.where("boundary.file"));
  }
  r.tracer = {c.get_string("tracer.name"),
              in_range(c, "tracer.source_lon", -180, 360),
              in_range(c, "tracer.source_lat", -89, 89),
              non_negative(c, "tracer.source_height_m"),
              non_negative(c, "tracer.emission_kg_s"),
              non_negative(c, "tracer.boundary_ug_kg"),
              non_negative(c, "tracer.deposition_velocity_m_s"),
              {}};
  r.tracer.initial = {
      c.get_string("tracer.initial.shape"), in_range(c, "tracer.initial.center_x", 0, 1),
      in_range(c, "tracer.initial.center_y", 0, 1), in_range(c, "tracer.initial.radius", 0, 1),
      non_negative(c, "tracer.initial.peak_ug_kg")};
  if (std::find(kInitialShapes.begin(), kInitialShapes.end(), r.tracer.initial.shape) ==
      kInitialShapes.end()) {
    throw Error(c.where("tracer.initial.shape"), "unknown shape '" + r.tracer.initial.shape + "'",
                "none, gaussian, cosine_bell, cone or slotted_cylinder");
  }
  check_tracer_name(r.tracer.name, c.where("tracer.name"));

  r.output.dir = c.get_path("output.dir");
  r.output.dir_where = c.where("output.dir");
  if (r.output.dir.empty()) throw Error(c.where("output.dir"), "must not be empty");
  r.output.deflate_level = static_cast<int>(int_in_range(c, "output.deflate_level", 0, 9));
  r.output.file_day_utc_offset_s =
      static_cast<int>(std::lround(3600.0 * in_range(c, "output.file_day_utc_offset_h", -12, 14)));
  r.output.write_initial = c.get_bool("output.write_initial");
  r.output.start = r.start;
  r.progress_interval_s = positive(c, "log.progress_interval_s");
  // 0: checkpoints only on a stop signal.
  r.checkpoint_interval_hours = int_in_range(c, "checkpoint.interval_hours", 0, kMaxHours);
  r.config_yaml = c.dump();
  return r;
}

}  // namespace kctm
