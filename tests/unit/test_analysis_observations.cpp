// Observation readers on small files written to a temporary folder: the CNEMC wide layout, the
// long CSV, the station list, and bad input that must name file and line. Values are read from
// short decimal text, so they compare exactly except after a unit conversion (tolerance 1e-12
// relative, round-off of one multiplication). With KCTM_SHARED_DATA, the Hengyang 2019 file is read
// too and its published O3_8h column checks the hour-ending convention.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "analysis/observations.hpp"
#include "analysis/standard_metrics.hpp"
#include "base/csv.hpp"
#include "base/error.hpp"

namespace kctm::analysis {
namespace {

namespace fs = std::filesystem;

// 2019-01-01T00:00:00+08:00 in UTC seconds.
constexpr UnixSeconds kJan1Midnight = 1546272000;

class AnalysisObservations : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("kctm_obs_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  // The error message of f(), or "" when it does not throw kctm::Error.
  template <class F>
  static std::string error_of(F f) {
    try {
      f();
    } catch (const Error& e) {
      return e.what();
    }
    return "";
  }
  fs::path dir_;
};

TEST_F(AnalysisObservations, CnemcWideKeepsHourlyRowsAtTheHourEnd) {
  const std::string path = write("cnemc.csv",
                                 "date,hour,type,2456A,2457A\r\n"
                                 "20190101,0,PM2.5,43,\r\n"
                                 "20190101,0,PM2.5_24h,50,51\r\n"
                                 "20190101,0,O3_8h,34,38\r\n"
                                 "20190101,0,AQI,60,61\r\n"
                                 "20190101,1,CO,0.5,0.6\r\n"
                                 "20190101,23,O3,30,31\r\n");
  const Observations obs = read_cnemc_wide(path);
  ASSERT_EQ(obs.size(), 2u);
  const auto& a = obs.at("2456A");
  // Hour 0 of 1 January ends at 00:00 Beijing time.
  EXPECT_EQ(a.at(Pollutant::kPm25).size(), 1u);
  EXPECT_EQ(a.at(Pollutant::kPm25).at(kJan1Midnight), 43);
  EXPECT_EQ(a.at(Pollutant::kCo).at(kJan1Midnight + 3600), 0.5);  // mg m-3 as given
  EXPECT_EQ(a.at(Pollutant::kO3).size(), 1u);                     // O3_8h skipped
  EXPECT_EQ(a.at(Pollutant::kO3).at(kJan1Midnight + 23 * 3600), 30);
  EXPECT_EQ(obs.at("2457A").count(Pollutant::kPm25), 0u);  // empty cell: missing
}

TEST_F(AnalysisObservations, CnemcWideBadInputNamesFileAndLine) {
  const std::string head = "date,hour,type,2456A\n20190101,0,PM2.5,43\n";
  const std::string unknown = write("obs.csv", head + "20190101,0,PM3,12\n");
  EXPECT_NE(error_of([&] { read_cnemc_wide(unknown); }).find("obs.csv:3: unknown pollutant 'PM3'"),
            std::string::npos)
      << error_of([&] { read_cnemc_wide(unknown); });
  const std::string text = write("text.csv", head + "20190101,1,PM2.5,n/a\n");
  EXPECT_NE(error_of([&] { read_cnemc_wide(text); }).find("text.csv:3: 2456A"), std::string::npos);
  const std::string negative = write("neg.csv", head + "20190101,1,PM2.5,-3\n");
  EXPECT_NE(error_of([&] { read_cnemc_wide(negative); }).find("neg.csv:3"), std::string::npos);
  const std::string twice = write("twice.csv", head + "20190101,0,PM2.5,44\n");
  EXPECT_NE(error_of([&] { read_cnemc_wide(twice); }).find("twice.csv:3: a second value"),
            std::string::npos);
  const std::string date = write("date.csv", head + "20190230,0,SO2,4\n");
  EXPECT_NE(error_of([&] { read_cnemc_wide(date); }).find("date.csv:3: date '20190230'"),
            std::string::npos);
  const std::string hour = write("hour.csv", head + "20190101,24,SO2,4\n");
  EXPECT_NE(error_of([&] { read_cnemc_wide(hour); }).find("hour.csv:3: hour"), std::string::npos);
  const std::string layout = write("layout.csv", "station,time,pollutant,value,unit\n");
  EXPECT_NE(error_of([&] { read_cnemc_wide(layout); }).find("not the CNEMC layout"),
            std::string::npos);
  EXPECT_NE(error_of([&] {
              read_cnemc_wide((dir_ / "absent.csv").string());
            }).find((dir_ / "absent.csv").string() + ": CNEMC observation file not found"),
            std::string::npos);
}

TEST_F(AnalysisObservations, LongCsvConvertsUnitsAndReadsOffsets) {
  const std::string path = write("long.csv",
                                 "station,time,pollutant,value,unit\n"
                                 "2456A,2019-01-01T01:00:00+08:00,PM2.5,43,ug/m3\n"
                                 "2456A,2019-01-01T01:00:00+08:00,CO,800,µg/m³\n"
                                 "2456A,2019-01-01T02:00:00Z,O3,0.1,mg/m3\n"
                                 "2456A,2019-01-01T03:00:00+08:00,NO2,,ug/m3\n");
  const Observations obs = read_long_csv(path);
  const auto& a = obs.at("2456A");
  EXPECT_EQ(a.at(Pollutant::kPm25).at(kJan1Midnight + 3600), 43);
  EXPECT_NEAR(a.at(Pollutant::kCo).at(kJan1Midnight + 3600), 0.8, 1e-12 * 0.8);  // to mg m-3
  // 02:00Z is 10:00 Beijing time.
  EXPECT_NEAR(a.at(Pollutant::kO3).at(kJan1Midnight + 10 * 3600), 100, 1e-12 * 100);
  EXPECT_EQ(a.count(Pollutant::kNo2), 0u);  // empty value: missing
}

TEST_F(AnalysisObservations, LongCsvBadInputNamesFileAndLine) {
  const std::string head =
      "station,time,pollutant,value,unit\n2456A,2019-01-01T01:00+08:00,SO2,4,ug/m3\n";
  const std::string pm3 = write("obs.csv", head + "2456A,2019-01-01T02:00+08:00,PM3,4,ug/m3\n");
  EXPECT_NE(error_of([&] { read_long_csv(pm3); }).find("obs.csv:3: unknown pollutant 'PM3'"),
            std::string::npos);
  const std::string zone = write("zone.csv", head + "2456A,2019-01-01T02:00:00,SO2,4,ug/m3\n");
  EXPECT_NE(error_of([&] { read_long_csv(zone); }).find("zone.csv:3: time"), std::string::npos);
  const std::string ppb = write("ppb.csv", head + "2456A,2019-01-01T02:00+08:00,SO2,4,ppb\n");
  EXPECT_NE(error_of([&] { read_long_csv(ppb); }).find("ppb.csv:3: unknown unit 'ppb'"),
            std::string::npos);
  // The same hour written in another zone is still the same hour.
  const std::string twice = write("twice.csv", head + "2456A,2018-12-31T17:00Z,SO2,5,ug/m3\n");
  EXPECT_NE(error_of([&] { read_long_csv(twice); }).find("twice.csv:3: a second value"),
            std::string::npos);
  const std::string column = write("column.csv", "station,time,pollutant,value\n");
  EXPECT_NE(error_of([&] { read_long_csv(column); }).find("no column 'unit'"), std::string::npos);
}

TEST_F(AnalysisObservations, StationLists) {
  const std::vector<Station> s = read_stations(write("stations.csv",
                                                     "code,name,lon,lat\n"
                                                     "2456A,\"Site, one\",112.5328,26.9089\n"
                                                     "2457A,Two,112.6194,26.9258\n"));
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].name, "Site, one");
  EXPECT_EQ(s[1].lon_deg, 112.6194);
  EXPECT_EQ(s[1].lat_deg, 26.9258);
  const std::string zh = write(
      "zh.csv", "code,name_zh,district,lon,lat\n2458A,珠晖区环保局,珠晖区,112.6211,26.8956\n");
  EXPECT_EQ(read_stations(zh)[0].name, "珠晖区环保局");
  const std::string lat = write("lat.csv", "code,name,lon,lat\n2456A,One,112.5,96\n");
  EXPECT_NE(error_of([&] { read_stations(lat); }).find("lat.csv:2: lat"), std::string::npos);
  const std::string twice = write("twice.csv", "code,name,lon,lat\nA,x,1,2\nA,y,1,2\n");
  EXPECT_NE(
      error_of([&] { read_stations(twice); }).find("twice.csv:3: station 'A' is listed twice"),
      std::string::npos);
}

#ifdef KCTM_SHARED_DATA
const std::string kHengyang = std::string(KCTM_SHARED_DATA) + "/aq-hengyang-2019/";
#else
const std::string kHengyang;
#endif

TEST(AnalysisObservationsShared, HengyangPublishedO3EightHourMatchesTheHourEndingWindow) {
  if (kHengyang.empty() || !fs::exists(kHengyang + "hengyang_sites_2019_hourly.csv")) {
    GTEST_SKIP() << "../shared/data/aq-hengyang-2019 not available";
  }
  const std::string path = kHengyang + "hengyang_sites_2019_hourly.csv";
  const Observations obs = read_cnemc_wide(path);
  EXPECT_EQ(obs.size(), 6u);
  EXPECT_EQ(read_stations(kHengyang + "stations.csv").size(), 6u);
  const HourlyValues& o3 = obs.at("2456A").at(Pollutant::kO3);
  ASSERT_FALSE(o3.empty());
  const HourlySeries hourly = make_hourly_series(o3, o3.begin()->first, o3.rbegin()->first);
  const HourlySeries mean8 = moving_8h_means(hourly);

  // CNEMC's own O3_8h (skipped by the reader) at hours 8-23 and 0 is the mean of the 8 hours
  // ending then; compare where all 8 hours exist. Published values are rounded to integers:
  // tolerance 0.5 ug m-3. (At hours 1-7 CNEMC averages only the day's hours so far.)
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const CsvTable t = parse_csv(text.str(), path);
  const std::size_t c = t.column("2456A");
  int compared = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const int hour = std::stoi(t.rows[r][1]);
    if (t.rows[r][2] != "O3_8h" || t.rows[r][c].empty() || (hour >= 1 && hour <= 7)) continue;
    const std::string& d = t.rows[r][0];
    const UnixSeconds end_s = days_from_civil({std::stoi(d.substr(0, 4)), std::stoi(d.substr(4, 2)),
                                               std::stoi(d.substr(6, 2))}) *
                                  86400 +
                              hour * 3600 - kBeijingUtcOffsetS;
    const UnixSeconds i = (end_s - hourly.first_hour_end_s) / 3600;
    if (i < 7 || i >= static_cast<UnixSeconds>(hourly.values.size())) continue;
    bool all_eight = true;
    for (UnixSeconds j = i - 7; j <= i; ++j) all_eight = all_eight && !std::isnan(hourly.values[j]);
    if (!all_eight) continue;
    EXPECT_NEAR(mean8.values[i], std::stod(t.rows[r][c]), 0.5) << d << " hour " << hour;
    ++compared;
  }
  EXPECT_GT(compared, 2000);  // 2570 with the January-June 2019 file
}

}  // namespace
}  // namespace kctm::analysis
