#pragma once
// The model at monitoring stations: from a run's hourly kctm_conc_YYYYMMDD.nc files, the lowest
// layer of the cell holding each station, for the pollutants of GB 3095-2012 (PM2.5, PM10, SO2,
// NO2, O3 in ug m-3; CO in mg m-3), keyed like the observations (analysis/observations.hpp).
#include <array>
#include <string>
#include <vector>

#include "analysis/observations.hpp"

namespace kctm {

/// The output variable of each pollutant of GB 3095-2012, and its factor from the output's
/// ug m-3 to the standard's unit.
struct PollutantVariable {
  analysis::Pollutant pollutant;
  const char* name;
  double factor;
};
extern const std::array<PollutantVariable, 6> kPollutantVariables;

/// A station and the cell (j, i) holding it.
struct StationCell {
  analysis::Station station;
  std::size_t j, i;
};

/// The cells of `stations` on a grid of cell centres `lat`, `lon` [deg] (y, x) with `nx` columns:
/// the nearest centre; a station farther than one cell width from it lies outside the grid and
/// is left out with a warning.
std::vector<StationCell> station_cells(const std::vector<double>& lat,
                                       const std::vector<double>& lon, int nx,
                                       const std::vector<analysis::Station>& stations);

/// Model values at `stations` from every kctm_conc_*.nc in `run_dir`. A record written at time t
/// (an instantaneous field at the end of a model hour) is paired with the observation of the
/// hour ending at t. Stations outside the grid are left out (with a warning). Throws
/// kctm::Error naming the folder or file when there is no output, it cannot be read, or the
/// folder mixes runs (require_one_run).
analysis::Observations model_at_stations(const std::string& run_dir,
                                         const std::vector<analysis::Station>& stations);

/// The same over several runs' folders (the runs of a sampled year); throws kctm::Error naming
/// both folders when two hold the same hour.
analysis::Observations model_at_stations(const std::vector<std::string>& run_dirs,
                                         const std::vector<analysis::Station>& stations);

}  // namespace kctm
