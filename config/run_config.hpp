#pragma once
// The typed, checked view of a Config that the driver runs from.
#include <array>
#include <string>
#include <string_view>

#include "base/civil_time.hpp"
#include "base/monthly_cycle.hpp"
#include "chemistry/rosenbrock.hpp"
#include "config/config.hpp"
#include "emissions/scale_rules.hpp"
#include "grids/global_grid.hpp"
#include "meteo/analytic_meteo.hpp"
#include "meteo/climatology_meteo.hpp"
#include "meteo/placeholder_meteo.hpp"

namespace kctm {

/// The idealised initial tracer fields (state/initial_shapes.hpp).
inline constexpr std::array<std::string_view, 5> kInitialShapes = {
    "none", "gaussian", "cosine_bell", "cone", "slotted_cylinder"};
struct InitialShapeConfig {
  std::string shape;  ///< none | gaussian | cosine_bell | cone | slotted_cylinder
  double center_x;    ///< centre, as a fraction of the domain's width from its west side [1]
  double center_y;    ///< centre, as a fraction of the domain's height from its south side [1]
  double radius;      ///< radius, as a fraction of the domain's shorter side [1]
  double peak_ug_kg;  ///< value at the peak (or of the cylinder) [ug kg-1]
};

/// Source apportionment (apportionment/sources.hpp: the sources' syntax).
struct SourceApportionmentConfig {
  bool enabled = false;
  std::string sources;        ///< apportionment/sources.hpp's syntax; "" for the default set
  std::string sources_where;  ///< where it came from, for error messages
  bool by_county = false;     ///< default set: each sector once per county-level unit
  /// "name=factor, ..." multiplying a source's emissions, inflow or initial state (brute-force
  /// checks: 0 removes a source, 2 doubles it).
  std::string factors;
  std::string factors_where;
  std::string stations_file;       ///< monitoring stations for the summary ("" for none)
  bool stations_required = false;  ///< the user named another file: a missing one is an error
};

struct TracerConfig {
  std::string name;
  double source_lon, source_lat, source_height_m;
  double emission_kg_s;            ///< [kg s-1]
  double boundary_ug_kg;           ///< mass mixing ratio of the inflowing air [ug kg-1]
  double deposition_velocity_m_s;  ///< dry deposition velocity [m s-1]
  InitialShapeConfig initial;
};

struct OutputConfig {
  std::string dir;
  std::string dir_where;  ///< where the value came from, for error messages
  int deflate_level;
  int file_day_utc_offset_s;  ///< zone of the daily files, east of UTC [s]
  bool write_initial;         ///< write the initial state as the first record
  int layers;                 ///< the lowest this many model layers go into the kctm_conc files
  /// Records start here (time.start): the hours before it, a spin-up, are simulated unwritten.
  UnixSeconds start;
};

/// WRF input: the files matched by meteo.wrf.files, sorted, and the surface-layer settings.
struct WrfInputConfig {
  std::vector<std::string> files;
  double roughness_m, kz_min_m2_s, kz_min_urban_m2_s;
};

struct ChemistryConfig {
  bool enabled;
  chem::SolverControl solver;
  /// Background per species (kSpecies order), with its seasonal cycle: ppb for gases, µg m-3 for
  /// aerosols; 0 if not given.
  std::vector<MonthlyCycle> background;
  /// Regional inflow on top of the background at the lateral boundaries, same units.
  std::vector<MonthlyCycle> regional_inflow;
  /// Height above ground below which the regional inflow flows in [m] (the layers' shares below).
  MonthlyCycle regional_inflow_top_m;
};

/// The longest run (time.hours, checkpoint.interval_hours): over a century, and far from
/// overflowing the step count and the clock in seconds.
inline constexpr long kMaxHours = 1000000;

struct RunConfig {
  UnixSeconds start;
  long hours;
  /// Days simulated before `start` without output (time.spinup_days): its end is the initial
  /// state, so that a run does not begin from clean air.
  long spinup_days;
  /// A checkpoint of another run whose state is this run's initial state (time.initial_state;
  /// "" for the background air).
  std::string initial_state_file;
  double step_s;
  DomainSpec domain;
  std::string counties_file;        ///< "" when none is to be read
  std::string counties_file_where;  ///< where the value came from, for error messages
  bool counties_file_required;      ///< the user named another file: a missing one is an error
  int mask_subsamples;
  std::string meteo_kind;  ///< climatology | wrf | placeholder | analytic
  ClimatologyMeteoConfig climatology;
  WrfInputConfig wrf;
  PlaceholderMeteoConfig meteo;
  bool emissions;                   ///< the built-in inventory's emissions, speciated
  std::string emissions_user_file;  ///< a user's gridded inventory instead ("" for none)
  /// A user's speciation table (emissions/speciation.hpp); "" for the built-in one.
  std::string emissions_speciation_file;
  /// A user's table of release heights (emissions/release_heights.hpp); "" for the built-in one.
  std::string emissions_release_heights_file;
  std::vector<ScaleRule> emissions_scale;  ///< scenario factors (emissions.scale)
  std::string emissions_scale_where;       ///< where they came from, for error messages
  double emissions_regional_factor;        ///< neighbours' emissions per km² / Hengyang's
  bool emissions_biogenic;                 ///< isoprene and monoterpenes from vegetation
  ChemistryConfig chemistry;
  SourceApportionmentConfig apportionment;
  double kh_m2_s;             ///< horizontal diffusivity [m2 s-1]
  bool transport_monotone;    ///< limited PPM (false: unlimited and linear)
  std::string boundary_file;  ///< "" for constant boundary values
  AnalyticMeteoConfig analytic;
  TracerConfig tracer;
  OutputConfig output;
  double progress_interval_s;
  long checkpoint_interval_hours;  ///< 0: checkpoints only on a stop signal
  bool final_state;                ///< keep the end's state (checkpoint.final_state)
  std::string restart_file;        ///< the checkpoint to continue from ("" to start afresh)
  /// A fresh run into a folder holding an earlier run's files removes them (else it is refused).
  bool overwrite = false;
  std::string config_yaml;  ///< the effective configuration, recorded in outputs
};

/// Reads and checks every value; errors name the file, line and key.
RunConfig read_run_config(const Config& config);

}  // namespace kctm
