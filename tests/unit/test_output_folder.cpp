// An output folder is one run's: the lock that keeps a second run out while the first lives, the
// run's id, the files a run writes known by name, and a folder mixing two runs' files refused.
#include <gtest/gtest.h>
#include <netcdf.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "base/csv.hpp"
#include "base/error.hpp"
#include "io/output_lock.hpp"
#include "io/run_folder.hpp"
#include "io/run_id.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

namespace fs = std::filesystem;

std::string read_all(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_text(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

/// A NetCDF file with the run id `id` ("" for none), as a run's day file would carry it.
void write_netcdf(const std::string& path, const std::string& id) {
  int nc = -1;
  ASSERT_EQ(nc_create(path.c_str(), NC_CLOBBER | NC_NETCDF4, &nc), NC_NOERR);
  if (!id.empty()) nc_put_att_text(nc, NC_GLOBAL, kRunIdAttribute, id.size(), id.c_str());
  ASSERT_EQ(nc_close(nc), NC_NOERR);
}

TEST(OutputLock, SecondHolderIsRefusedNamingTheFolderAndTheFirst) {
  const std::string dir = test::temp_dir("lock");
  {
    const OutputLock first(dir, lock_holder("run-a"));
    EXPECT_NE(read_all(lock_path(dir)).find("run run-a, pid "), std::string::npos);
    // flock(2) locks belong to an open file, so a second open in this process is refused too.
    const std::string error = test::error_of([&] { OutputLock second(dir, lock_holder("run-b")); });
    EXPECT_NE(error.find(dir + ": the output folder is in use by run run-a, pid "),
              std::string::npos)
        << error;
    EXPECT_EQ(error.find('\n'), std::string::npos);
  }
  // Let go at the end of its life, and emptied: the next run takes it.
  EXPECT_EQ(read_all(lock_path(dir)), "");
  const OutputLock again(dir, lock_holder("run-c"));
  EXPECT_NE(read_all(lock_path(dir)).find("run run-c"), std::string::npos);
}

TEST(RunId, NamesTimeHostAndProcessAndDiffers) {
  const std::string a = new_run_id(), b = new_run_id();
  EXPECT_TRUE(std::regex_match(a, std::regex(R"(\d{8}T\d{6}Z-[A-Za-z0-9._-]+-\d+-[0-9a-f]{4})")))
      << a;
  EXPECT_NE(a, b) << "two runs started in the same second by one process";
  EXPECT_EQ(a.find_first_of(" ,\n"), std::string::npos) << "one word, a CSV field of its own";
}

TEST(RunId, CsvCommentLineRoundTripsAndReadersSkipIt) {
  const std::string text = run_id_comment("r1") + "\nplace,source\nHengyang,power\n";
  EXPECT_EQ(run_id_of_csv(text), "r1");
  EXPECT_EQ(run_id_of_csv("place,source\n"), "");
  const CsvTable t = parse_csv(text, "summary.csv");
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(t.header[0], "place");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.lines[0], 3);
}

TEST(RunFolder, KnowsTheFilesARunWritesAndNoOthers) {
  for (const char* name :
       {"kctm_conc_20190101.nc", "kctm_sa_20190102.nc", "kctm_conc_20190101.nc.partial",
        "kctm_sa_summary.csv", "kctm_restart.h5", "kctm_restart.h5.partial",
        "kctm_restart.20190101T160000.kctm_conc_20190101.nc",
        "kctm_restart.20190101T160000.kctm_sa_20190101.nc.partial", "kctm_daily.nc",
        "kctm_daily_stations.csv", "kctm_daily.nc.partial"}) {
    EXPECT_TRUE(is_run_file(name)) << name;
  }
  for (const char* name : {"log", "kctm_chain.log", ".kctm.lock", "attain.csv", "notes.txt",
                           "kctm_conc_2019.nc", "kctm_conc_20190101.nc~", "attain-2025"}) {
    EXPECT_FALSE(is_run_file(name)) << name;
  }
}

TEST(RunFolder, OneRunsFolderPassesAndAMixedOneIsRefusedNamingTwoFiles) {
  const std::string dir = test::temp_dir("run-folder");
  EXPECT_EQ(require_one_run(dir), "") << "an empty folder holds no run";
  write_netcdf(dir + "/kctm_conc_20190101.nc", "run-a");
  write_text(dir + "/kctm_sa_summary.csv", run_id_comment("run-a") + "\nplace,source\n");
  write_text(dir + "/kctm_conc_20190102.nc.partial", "unfinished, unread");
  write_text(dir + "/log", "not the run's");
  EXPECT_EQ(require_one_run(dir), "run-a");

  write_netcdf(dir + "/kctm_conc_20190102.nc", "run-b");
  std::string error = test::error_of([&] { require_one_run(dir); });
  EXPECT_NE(error.find(dir + ": files of two runs: kctm_conc_20190101.nc (run run-a) and "
                             "kctm_conc_20190102.nc (run run-b)"),
            std::string::npos)
      << error;

  write_netcdf(dir + "/kctm_conc_20190102.nc", "");
  error = test::error_of([&] { require_one_run(dir); });
  EXPECT_NE(error.find("kctm_conc_20190102.nc (no run id) beside kctm_conc_20190101.nc (run "
                       "run-a) (written before kctm recorded its runs"),
            std::string::npos)
      << error;
}

TEST(RunFolder, RemovesTheRunsFilesOnly) {
  const std::string dir = test::temp_dir("run-folder-remove");
  for (const char* name : {"kctm_conc_20190101.nc", "kctm_sa_summary.csv", "kctm_restart.h5",
                           "kctm_conc_20190102.nc.partial", "log", "notes.txt", "kctm_chain.log"}) {
    write_text(dir + "/" + name, "x");
  }
  EXPECT_EQ(remove_run_files(dir), 4);
  EXPECT_TRUE(run_files(dir).empty());
  for (const char* name : {"log", "notes.txt", "kctm_chain.log"}) {
    EXPECT_TRUE(fs::exists(dir + "/" + name)) << name;
  }
}

}  // namespace
}  // namespace kctm
