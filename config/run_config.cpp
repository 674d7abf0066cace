#include "config/run_config.hpp"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "base/input_file.hpp"
#include "chemistry/species.hpp"
#include "config/key_bounds.hpp"

namespace kctm {

namespace {

/// A numeric key's value, within its range (config/key_bounds.cpp).
double bounded(const Config& c, const std::string& key) {
  const double v = c.get_double(key);
  check_bound(key, v, c.where(key));
  return v;
}

/// An integer key's value, within its range, checked before it is narrowed or multiplied.
long bounded_int(const Config& c, const std::string& key) {
  const long v = c.get_int(key);
  check_bound(key, v, c.where(key));
  return v;
}

/// A value per month (0 when the key is absent, as a species not listed), within range.
MonthlyCycle bounded_monthly(const Config& c, const std::string& key) {
  if (!c.has(key)) return MonthlyCycle::constant(0.0);
  const MonthlyCycle cycle = c.get_monthly(key);
  for (const double v : cycle.month) check_bound(key, v, c.where(key));
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

/// The widest domain, buffer included [km].
constexpr double kMaxDomainKm = 3000;

/// Settings that are each within range but break the model together.
void check_combinations(const Config& c, const RunConfig& r) {
  const std::vector<double>& z = r.domain.level_interfaces_m;
  // Monin-Obukhov similarity needs the lowest layer's middle well above the roughness length:
  // ln(z/z0) ≥ ln 2.
  const double mid_m = 0.5 * z[1];
  if (r.meteo_kind != "analytic") {
    const std::string roughness = "meteo." + r.meteo_kind + ".roughness_m";
    if (!(c.get_double(roughness) <= 0.5 * mid_m)) {
      throw Error(
          c.where(roughness), "too rough for the lowest layer",
          "at most half its middle height, " + short_number(0.5 * mid_m) + " m with grid.levels_m");
    }
  }
  // A regional model: one Lambert projection (its scale factor within a few per cent of 1) and,
  // without WRF, one station's weather over the whole domain.
  const LonLatBox& box = r.domain.core;
  const double km_per_deg = r.domain.projection.earth_radius_m * constants::kDegToRad / 1000;
  const double buffer_km = r.domain.buffer_m / 1000;
  const double width_km = (box.lon_max - box.lon_min) * km_per_deg *
                              std::cos(0.5 * (box.lat_min + box.lat_max) * constants::kDegToRad) +
                          2 * buffer_km;
  const double height_km = (box.lat_max - box.lat_min) * km_per_deg + 2 * buffer_km;
  if (width_km > kMaxDomainKm || height_km > kMaxDomainKm) {
    std::string key = "grid.buffer_km";
    for (const char* k : {"grid.core_box.lon_min", "grid.core_box.lon_max", "grid.core_box.lat_min",
                          "grid.core_box.lat_max"}) {
      if (c.user_set(k)) key = k;
    }
    throw Error(
        c.where(key),
        "a domain of " + short_number(std::round(width_km)) + " x " +
            short_number(std::round(height_km)) + " km",
        "a regional model: at most " + short_number(kMaxDomainKm) + " km across, buffer included");
  }
  if (!(r.tracer.source_height_m < z.back())) {
    throw Error(c.where("tracer.source_height_m"), "above the model top",
                "grid.levels_m ends at " + short_number(z.back()) + " m");
  }
  if (r.meteo_kind == "placeholder" &&
      !(r.meteo.pbl_height_day_m < z.back() && r.meteo.pbl_height_night_m < z.back())) {
    throw Error(c.where("meteo.placeholder.pbl_height_day_m"), "boundary layer above the model top",
                "grid.levels_m ends at " + short_number(z.back()) + " m");
  }
  // The unlimited PPM over- and undershoots; the chemistry then meets negative concentrations
  // and the N and S budgets drift by per cents within hours.
  if (!r.transport_monotone && r.chemistry.enabled) {
    throw Error(c.where("transport.monotone"), "false needs chemistry.enabled: false",
                "the unlimited PPM's undershoots make negative concentrations for the chemistry");
  }
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
  r.hours = bounded_int(c, "time.hours");
  r.step_s = bounded(c, "time.step_s");
  r.spinup_days = bounded_int(c, "time.spinup_days");
  r.initial_state_file = c.get_path("time.initial_state");
  if (!r.initial_state_file.empty()) {
    require_input_file(r.initial_state_file, "checkpoint file", c.where("time.initial_state"));
  }
  if (std::fmod(3600.0, r.step_s) != 0.0) {
    throw Error(c.where("time.step_s"), "must divide an hour evenly", "e.g. 300, 600 or 900");
  }

  r.domain.projection = {bounded(c, "grid.projection.lat_1"), bounded(c, "grid.projection.lat_2"),
                         bounded(c, "grid.projection.lat_0"), bounded(c, "grid.projection.lon_0"),
                         bounded(c, "grid.projection.earth_radius_m")};
  r.domain.core = {bounded(c, "grid.core_box.lon_min"), bounded(c, "grid.core_box.lon_max"),
                   bounded(c, "grid.core_box.lat_min"), bounded(c, "grid.core_box.lat_max")};
  r.domain.buffer_m = 1000.0 * bounded(c, "grid.buffer_km");
  r.domain.dx_m = 1000.0 * bounded(c, "grid.dx_km");
  r.domain.level_interfaces_m = c.get_doubles("grid.levels_m");
  for (const double z : r.domain.level_interfaces_m)
    check_bound("grid.levels_m", z, c.where("grid.levels_m"));
  VerticalLevels(r.domain.level_interfaces_m, c.where("grid.levels_m").c_str());  // checks them
  r.counties_file = c.get_path("grid.mask.counties_file");
  r.counties_file_where = c.where("grid.mask.counties_file");
  r.counties_file_required = c.user_changed("grid.mask.counties_file") && !r.counties_file.empty();
  r.mask_subsamples = static_cast<int>(bounded_int(c, "grid.mask.subsamples"));

  r.meteo_kind = c.get_string("meteo.kind");
  if (r.meteo_kind != "climatology" && r.meteo_kind != "wrf" && r.meteo_kind != "placeholder" &&
      r.meteo_kind != "analytic") {
    throw Error(c.where("meteo.kind"), "unknown meteorology kind '" + r.meteo_kind + "'",
                "climatology, wrf, placeholder or analytic");
  }
  r.wrf = {{},
           bounded(c, "meteo.wrf.roughness_m"),
           bounded(c, "meteo.wrf.kz_min_m2_s"),
           bounded(c, "meteo.wrf.kz_min_urban_m2_s")};
  if (r.meteo_kind == "wrf") r.wrf.files = wrf_files(c, "meteo.wrf.files");
  r.climatology = {c.get_path("meteo.climatology.normals_file"),
                   static_cast<std::uint64_t>(bounded_int(c, "meteo.climatology.seed")),
                   bounded(c, "meteo.climatology.roughness_m"),
                   bounded(c, "meteo.climatology.kz_min_m2_s"),
                   bounded(c, "meteo.climatology.kz_min_urban_m2_s"),
                   // a USGS 24-category land use
                   static_cast<int>(bounded_int(c, "meteo.climatology.land_use"))};
  if (!r.climatology.normals_file.empty()) {
    require_input_file(r.climatology.normals_file, "climate normals file",
                       c.where("meteo.climatology.normals_file"));
  }
  r.analytic = {c.get_string("meteo.analytic.flow"), bounded(c, "meteo.analytic.speed_m_s"),
                bounded(c, "meteo.analytic.direction_deg"), bounded(c, "meteo.analytic.period_s")};
  if (!is_analytic_flow(r.analytic.flow)) {
    throw Error(c.where("meteo.analytic.flow"), "unknown flow '" + r.analytic.flow + "'",
                "uniform, rotation, deformation or divergent");
  }
  r.meteo = {bounded(c, "meteo.placeholder.wind_speed_m_s"),
             bounded(c, "meteo.placeholder.wind_from_deg"),
             bounded(c, "meteo.placeholder.wind_turn_deg_per_h"),
             bounded(c, "meteo.placeholder.pbl_height_day_m"),
             bounded(c, "meteo.placeholder.pbl_height_night_m"),
             bounded(c, "meteo.placeholder.sensible_heat_noon_w_m2"),
             bounded(c, "meteo.placeholder.sensible_heat_night_w_m2"),
             bounded(c, "meteo.placeholder.roughness_m"),
             bounded(c, "meteo.placeholder.kz_min_m2_s")};

  r.emissions = c.get_bool("emissions.enabled");
  r.emissions_user_file = c.get_path("emissions.user_file");
  r.emissions_regional_factor = bounded(c, "emissions.regional_factor");
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
  r.emissions_release_heights_file = c.get_path("emissions.release_heights_file");
  if (!r.emissions_release_heights_file.empty()) {
    require_input_file(r.emissions_release_heights_file, "release heights file",
                       c.where("emissions.release_heights_file"));
  }
  r.chemistry.enabled = c.get_bool("chemistry.enabled");
  r.chemistry.solver.rtol = bounded(c, "chemistry.rtol");
  r.chemistry.solver.atol = bounded(c, "chemistry.atol");
  for (const chem::SpeciesEntry& s : chem::kSpecies) {
    const std::string key = "chemistry.background." + std::string(s.name);
    r.chemistry.background.push_back(bounded_monthly(c, key));
    const std::string regional = "chemistry.regional_inflow." + std::string(s.name);
    r.chemistry.regional_inflow.push_back(bounded_monthly(c, regional));
  }
  r.chemistry.regional_inflow_top_m = bounded_monthly(c, "chemistry.regional_inflow_top_m");
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
      c.user_changed("source_apportionment.stations_file") && !sa.stations_file.empty();
  if (sa.stations_required) {
    require_input_file(sa.stations_file, "stations file",
                       c.where("source_apportionment.stations_file"));
  }
  r.kh_m2_s = bounded(c, "transport.kh_m2_s");
  r.transport_monotone = c.get_bool("transport.monotone");
  r.boundary_file = c.get_path("boundary.file");
  if (!r.boundary_file.empty()) {
    require_input_file(r.boundary_file, "boundary file", c.where("boundary.file"));
  }
  r.tracer = {c.get_string("tracer.name"),
              bounded(c, "tracer.source_lon"),
              bounded(c, "tracer.source_lat"),
              bounded(c, "tracer.source_height_m"),
              bounded(c, "tracer.emission_kg_s"),
              bounded(c, "tracer.boundary_ug_kg"),
              bounded(c, "tracer.deposition_velocity_m_s"),
              {}};
  r.tracer.initial = {c.get_string("tracer.initial.shape"), bounded(c, "tracer.initial.center_x"),
                      bounded(c, "tracer.initial.center_y"), bounded(c, "tracer.initial.radius"),
                      bounded(c, "tracer.initial.peak_ug_kg")};
  if (std::find(kInitialShapes.begin(), kInitialShapes.end(), r.tracer.initial.shape) ==
      kInitialShapes.end()) {
    throw Error(c.where("tracer.initial.shape"), "unknown shape '" + r.tracer.initial.shape + "'",
                "none, gaussian, cosine_bell, cone or slotted_cylinder");
  }
  check_tracer_name(r.tracer.name, c.where("tracer.name"));

  r.output.dir = c.get_path("output.dir");
  r.output.dir_where = c.where("output.dir");
  if (r.output.dir.empty()) throw Error(c.where("output.dir"), "must not be empty");
  r.output.deflate_level = static_cast<int>(bounded_int(c, "output.deflate_level"));
  r.output.file_day_utc_offset_s =
      static_cast<int>(std::lround(3600.0 * bounded(c, "output.file_day_utc_offset_h")));
  r.output.write_initial = c.get_bool("output.write_initial");
  const int nz = static_cast<int>(r.domain.level_interfaces_m.size()) - 1;
  r.output.layers = static_cast<int>(bounded_int(c, "output.layers"));
  if (r.output.layers > nz) {
    throw Error(
        c.where("output.layers"),
        std::to_string(r.output.layers) + " layers, more than the grid's " + std::to_string(nz),
        "0 writes every layer");
  }
  if (r.output.layers == 0) r.output.layers = nz;
  r.output.start = r.start;
  r.progress_interval_s = bounded(c, "log.progress_interval_s");
  // 0: checkpoints only on a stop signal.
  r.checkpoint_interval_hours = bounded_int(c, "checkpoint.interval_hours");
  r.final_state = c.get_bool("checkpoint.final_state");
  r.config_yaml = c.dump();
  check_combinations(c, r);
  return r;
}

}  // namespace kctm
