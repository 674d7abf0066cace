#pragma once
// The chemistry in one well-mixed cell (`kctm box CONFIG.yaml`): the same mechanism, solver and
// equilibria as the 3-D model, with optional emissions and dilution toward a background, operator-
// split per step, written as a CSV time series — the way atmospheric chemists check a mechanism.
#include <map>
#include <string>
#include <vector>

#include "base/civil_time.hpp"
#include "chemistry/rosenbrock.hpp"

namespace kctm {

struct BoxConfig {
  UnixSeconds start = 0;
  double hours = 24, step_s = 60, output_every_s = 600;
  double latitude_deg = 26.89, longitude_deg = 112.57;  // Hengyang city
  double temperature_k = 298.15, temperature_amplitude_k = 0;
  double pressure_pa = 101325, relative_humidity = 0.6;
  double cloud_water_g_m3 = 0, cloud_fraction = 0, cloud_optical_depth = 0;
  double dilution_per_h = 0;
  /// Depth of the air the box stands for above the ground [m]; 0: no ground contact (no ground
  /// surface for heterogeneous NO2 → HONO).
  double mixing_height_m = 0;
  /// Species → value: gases in ppb (ppb h-1 for emissions), aerosols in µg m-3 (µg m-3 h-1).
  std::map<std::string, double> initial, emissions, background;
  chem::SolverControl solver;
};

/// Reads a box configuration; errors name the file, line and key.
BoxConfig read_box_config(const std::string& path);

/// One output record: time and every species (ppb or µg m-3 as above).
struct BoxRecord {
  UnixSeconds time;
  double t_k, j_no2_s;
  double cloud_ph;  ///< of the cloud water (chemistry/cloud_water.hpp); NaN without a cloud
  std::vector<double> values;  ///< in kSpecies order
};

struct BoxRun {
  std::vector<BoxRecord> records;
  long solver_steps = 0, rejected = 0, clipped = 0, failed = 0;
};

/// Runs the box (Kokkos must be initialised).
BoxRun run_box(const BoxConfig& config);

/// Writes the records as CSV (time, T, J(NO2), cloud pH, then one column per species with its
/// unit), atomically: to PATH.partial, renamed when complete.
void write_box_csv(const BoxRun& run, const std::string& path);

}  // namespace kctm
