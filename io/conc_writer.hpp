#pragma once
// CF-1.8 NetCDF-4 concentration files, one per day (in the configured zone), hourly records.
// Each file is written under a temporary name and renamed when its day (or the run) ends, so a
// crash never leaves a half-written kctm_conc_YYYYMMDD.nc.
#include <memory>
#include <string>
#include <vector>

#include "base/civil_time.hpp"
#include "grids/global_grid.hpp"
#include "grids/grid_geometry.hpp"
#include "grids/region_mask.hpp"
#include "grids/subdomain.hpp"
#include "io/checkpoint_file.hpp"

namespace kctm {

struct OutputVariable {
  std::string name;       ///< variable name in the file
  std::string long_name;  ///< CF long_name
  std::string units;      ///< UDUNITS string, e.g. "ug m-3"
};

struct ConcFileSettings {
  std::string dir;
  int deflate_level;
  int file_day_utc_offset_s;
  UnixSeconds time_origin;           ///< the "hours since" reference of the time axis
  std::string config_yaml;           ///< recorded as a global attribute
  std::string prefix = "kctm_conc";  ///< file names: PREFIX_YYYYMMDD.nc
  /// Source apportionment files: variables (time, source, y, x) of the lowest layer, with these
  /// names on the `source` axis; empty: (time, lev, y, x) of every layer.
  std::vector<std::string> sources;
  std::string title = "kctm hourly concentrations";
  std::string run_id;  ///< the run's (io/run_id.hpp), recorded as the attribute kctm_run_id
  /// Concentration files: the lowest this many layers (0: every layer).
  int layers = 0;
};

class ConcWriter {
 public:
  ConcWriter(ConcFileSettings settings, const GlobalGrid& grid, const Subdomain& sub,
             const GridGeometry& geometry, const RegionMask& mask,
             std::vector<OutputVariable> variables);
  /// Removes an unfinished temporary file (a run that failed leaves no partial output).
  ~ConcWriter();
  ConcWriter(const ConcWriter&) = delete;
  ConcWriter& operator=(const ConcWriter&) = delete;

  /// Appends one record at time t; `fields[v]` holds variable v as (k, j, i) over the interior and
  /// the layers written, or (source, j, i) in a source apportionment file.
  void write(UnixSeconds t, const std::vector<std::vector<float>>& fields);
  /// Closes and renames the open file; returns the paths of all finished files.
  std::vector<std::string> finish();

  /// Keeps the writer's place in checkpoint `c`: the files finished so far and a copy of the open
  /// day's file, made in `dir` under `copy_prefix` + its name, closed and reopened around the copy.
  void save_to(Checkpoint& c, const std::string& dir, const std::string& copy_prefix);
  /// Continues where checkpoint `c` (read from the file `path`) left off: the open day's file is
  /// its copy again, appended to from its next record.
  void restore_from(const Checkpoint& c, const std::string& path);

  /// File name of the day holding time t, e.g. "kctm_conc_20190101.nc" for prefix "kctm_conc".
  static std::string file_name(const std::string& prefix, UnixSeconds t, int utc_offset_s);

 private:
  void open_day(UnixSeconds t);
  /// Opens the file of the day holding t from the copy `copy` with `records` records.
  void reopen_day(UnixSeconds t, const std::string& copy, std::size_t records);
  void close_day();
  /// Layers of a concentration file's variables.
  int layers() const { return settings_.layers > 0 ? settings_.layers : grid_.nz(); }

  struct OpenFile;
  /// Closes `f` as it stands and removes its temporary file.
  static void discard(OpenFile& f);
  ConcFileSettings settings_;
  const GlobalGrid& grid_;
  Subdomain sub_;
  const GridGeometry& geometry_;
  const RegionMask& mask_;
  std::vector<OutputVariable> variables_;
  std::unique_ptr<OpenFile> file_;
  std::vector<std::string> finished_;
};

}  // namespace kctm
