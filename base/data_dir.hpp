#pragma once
// Where kctm's data sets live (the county outlines, the monitoring stations and their
// observations: docs/DATA.md). Config paths that begin with "{data}" resolve against this folder,
// so the default configuration works from any working directory and in an installed kctm.
#include <string>
#include <vector>

namespace kctm {

/// The prefix of a path that lives in the data folder.
inline constexpr const char* kDataPrefix = "{data}";

struct DataDir {
  std::string path;    ///< the folder (need not exist)
  std::string origin;  ///< how it was chosen, for `kctm info`
};

/// The data folder: `configured` (data.dir) when not empty; else $KCTM_DATA_DIR; else the source
/// tree's ../shared/data when it exists; else the install's share/kctm/data beside the running
/// executable's bin/ folder.
DataDir find_data_dir(const std::string& configured);

/// A data set kctm reads from the data folder by default.
struct DataSet {
  const char* name;
  const char* path;     ///< in the data folder
  const char* used_by;  ///< the keys or commands that read it
};

/// The data sets of docs/DATA.md, in the order `kctm info` lists them.
const std::vector<DataSet>& data_sets();

/// The Hengyang stations' hourly observations (data_sets()), `kctm validate`'s default --obs.
inline constexpr const char* kObservationsPath =
    "{data}/aq-hengyang-2019/hengyang_sites_2019_hourly.csv";

/// `path` with a leading "{data}" replaced by `dir`; other paths unchanged.
std::string expand_data_path(const std::string& path, const std::string& dir);

}  // namespace kctm
