#include "base/data_dir.hpp"

#include <cstdlib>
#include <filesystem>

namespace kctm {

DataDir find_data_dir(const std::string& configured) {
  if (!configured.empty()) return {configured, "data.dir"};
  if (const char* env = std::getenv("KCTM_DATA_DIR"); env && *env) {
    return {env, "environment KCTM_DATA_DIR"};
  }
  std::error_code ec;
  if (std::filesystem::is_directory(KCTM_SOURCE_DATA_DIR, ec)) {
    return {std::filesystem::path(KCTM_SOURCE_DATA_DIR).lexically_normal().string(),
            "the source tree's ../shared/data"};
  }
  // The install's: beside the executable's bin/ folder.
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  const std::filesystem::path prefix = ec ? std::filesystem::path(".") : exe.parent_path() / "..";
  return {(prefix / KCTM_INSTALL_DATA_DIR).lexically_normal().string(),
          "the install's share folder"};
}

const std::vector<DataSet>& data_sets() {
  static const std::vector<DataSet> sets = {
      {"county outlines", "boundary-hengyang/hengyang_430400_counties.geojson",
       "grid.mask.counties_file"},
      {"monitoring stations", "aq-hengyang-2019/stations.csv",
       "source_apportionment.stations_file, kctm validate"},
      {"hourly observations, January-June 2019", "aq-hengyang-2019/hengyang_sites_2019_hourly.csv",
       "kctm validate --obs, make year"},
  };
  return sets;
}

std::string expand_data_path(const std::string& path, const std::string& dir) {
  const std::string prefix = kDataPrefix;
  if (path.compare(0, prefix.size(), prefix) != 0) return path;
  return (std::filesystem::path(dir) /
          std::filesystem::path(path.substr(prefix.size())).relative_path())
      .lexically_normal()
      .string();
}

}  // namespace kctm
