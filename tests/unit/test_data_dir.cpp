#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "base/data_dir.hpp"
#include "config/config.hpp"
#include "test_support.hpp"

namespace kctm {

namespace {

/// Sets KCTM_DATA_DIR for a test's life (unset: nullptr), and restores it after.
class DataDirEnvironment {
 public:
  explicit DataDirEnvironment(const char* value) {
    if (const char* old = std::getenv("KCTM_DATA_DIR")) saved_ = old, had_ = true;
    value ? setenv("KCTM_DATA_DIR", value, 1) : unsetenv("KCTM_DATA_DIR");
  }
  ~DataDirEnvironment() {
    had_ ? setenv("KCTM_DATA_DIR", saved_.c_str(), 1) : unsetenv("KCTM_DATA_DIR");
  }
  DataDirEnvironment(const DataDirEnvironment&) = delete;
  DataDirEnvironment& operator=(const DataDirEnvironment&) = delete;

 private:
  std::string saved_;
  bool had_ = false;
};

}  // namespace

TEST(DataDir, TheConfigsFolderComesFirstThenTheEnvironment) {
  const DataDirEnvironment env("/from/the/environment");
  EXPECT_EQ(find_data_dir("/from/the/config").path, "/from/the/config");
  EXPECT_EQ(find_data_dir("/from/the/config").origin, "data.dir");
  EXPECT_EQ(find_data_dir("").path, "/from/the/environment");
}

TEST(DataDir, WithoutEitherTheSourceTreesOrTheInstallsFolder) {
  const DataDirEnvironment env(nullptr);
  const DataDir d = find_data_dir("");
  EXPECT_TRUE(d.origin == "the source tree's ../shared/data" ||
              d.origin == "the install's share folder")
      << d.origin;
  EXPECT_FALSE(d.path.empty());
  if (d.origin == "the install's share folder") {
    EXPECT_NE(d.path.find("share/kctm/data"), std::string::npos) << d.path;
  }
}

TEST(DataDir, OnlyALeadingDataPrefixIsExpanded) {
  EXPECT_EQ(expand_data_path("{data}/aq/stations.csv", "/d"), "/d/aq/stations.csv");
  EXPECT_EQ(expand_data_path("{data}aq/stations.csv", "/d/"), "/d/aq/stations.csv");
  EXPECT_EQ(expand_data_path("runs/{data}/x.csv", "/d"), "runs/{data}/x.csv");
  EXPECT_EQ(expand_data_path("/abs/x.csv", "/d"), "/abs/x.csv");
}

// The default configuration's data paths do not depend on the working directory or on where a
// copy of it is written: they follow the data folder.
TEST(DataDir, DefaultDataPathsFollowTheDataFolderNotTheConfigsFolder) {
  const DataDirEnvironment env("/data/here");
  Config c;
  EXPECT_EQ(c.get_path("source_apportionment.stations_file"),
            "/data/here/aq-hengyang-2019/stations.csv");
  const std::string dir = test::temp_dir("data-dir-copy");
  const std::string copy = dir + "/run.yaml";
  std::ofstream(copy) << default_config_text();
  const Config from_copy = Config::layered(copy, {});
  EXPECT_EQ(from_copy.get_path("grid.mask.counties_file"),
            "/data/here/boundary-hengyang/hengyang_430400_counties.geojson");
  EXPECT_EQ(from_copy.get_path("output.dir"), dir + "/kctm-output")
      << "other relative paths stay relative to the copy";
  EXPECT_FALSE(from_copy.user_changed("grid.mask.counties_file"))
      << "a copy of the default names no file of its own";
  const Config moved = Config::layered(copy, {"data.dir=/elsewhere"});
  EXPECT_EQ(moved.get_path("source_apportionment.stations_file"),
            "/elsewhere/aq-hengyang-2019/stations.csv");
}

}  // namespace kctm
