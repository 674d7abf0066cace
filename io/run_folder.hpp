#pragma once
// The files a run writes into its output folder, known by name, and the run each was written by:
// a folder is one run's, never a mix of two (io/run_id.hpp, io/output_lock.hpp).
#include <string>
#include <vector>

namespace kctm {

/// Whether `name` is a file a run writes into its output folder: the kctm_conc_YYYYMMDD.nc and
/// kctm_sa_YYYYMMDD.nc day files, kctm_sa_summary.csv, the checkpoint kctm_restart.h5 and its
/// copies of the open day files (kctm_restart.YYYYMMDDTHHMMSS.*), the end's state
/// kctm_final_state.h5, and the daily products of `kctm post` (kctm_daily.nc,
/// kctm_daily_stations.csv), each also as NAME.partial.
bool is_run_file(const std::string& name);

/// The names of the run files in `dir`, sorted; throws kctm::Error when it cannot be read.
std::vector<std::string> run_files(const std::string& dir);

/// The paths of the finished day files PREFIX_YYYYMMDD.nc in `dir` (prefix "kctm_conc" or
/// "kctm_sa"), sorted; none when it holds none.
std::vector<std::string> finished_day_files(const std::string& dir, const std::string& prefix);

/// finished_day_files(dir, prefix), throwing kctm::Error naming the folder when it holds none.
std::vector<std::string> day_files(const std::string& dir, const std::string& prefix);

/// The configuration a run recorded (the kctm_config attribute of its first kctm_conc file);
/// throws kctm::Error naming the folder or file when there is none.
std::string recorded_config(const std::string& dir);

/// The run that wrote the file at `path` (a NetCDF file's kctm_run_id attribute, a CSV file's
/// first comment line, a checkpoint's run id); "" when it names none. Throws kctm::Error when the
/// file cannot be read.
std::string run_id_of(const std::string& path);

/// The one run whose finished files `dir` holds ("" when it holds none); throws kctm::Error
/// naming the folder and two of its files when they carry different run ids, or one carries none.
std::string require_one_run(const std::string& dir);

/// Removes the run files from `dir` and nothing else; returns how many.
int remove_run_files(const std::string& dir);

}  // namespace kctm
