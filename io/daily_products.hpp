#pragma once
// `kctm post`: a finished run's daily products from its hourly kctm_conc day files. For each local
// day in Beijing time, in the lowest layer: the 24-h means of PM2.5, PM10, SO2, NO2 and CO, O3's
// daily maximum 1-h and 8-h means (MDA8) and the daily AQI (HJ 633-2012, HJ 663-2013;
// analysis/daily_report.hpp), on the run's grid (kctm_daily.nc, CF-1.8) and at the stations
// (kctm_daily_stations.csv). A day that fails a validity rule is missing, not reported from the
// hours it has.
#include <string>
#include <vector>

#include "analysis/observations.hpp"

namespace kctm {

struct DailyProductFiles {
  std::string grid;       ///< the NetCDF file
  std::string stations;   ///< the CSV file; "" when there were no stations on the grid
  int days = 0;           ///< local days written
  int complete_days = 0;  ///< of those, days with an AQI somewhere on the grid
};

/// The stations a run recorded: the file its configuration names in
/// source_apportionment.stations_file; none, with a warning, when that file is absent.
std::vector<analysis::Station> recorded_stations(const std::string& run_dir);

/// Reads the kctm_conc files of the one run in `run_dir` (require_one_run) and writes the products
/// into `out_dir` (created), each file written aside and renamed. Throws kctm::Error naming the
/// folder or file when there is no output, the folder mixes runs, or a file lacks a pollutant.
DailyProductFiles write_daily_products(const std::string& run_dir, const std::string& out_dir,
                                       const std::vector<analysis::Station>& stations);

}  // namespace kctm
