// `kctm post`'s engine (io/daily_products) on day files written by ConcWriter: every column holds
// the hand-checked day of tests/unit/test_daily_report.cpp in its lowest layer (PM2.5 75, MDA8
// 200, AQI 137) and something else above, so the products must read the lowest layer, and the
// two hours of the next day must come out missing. Values are small integers written as floats:
// the means are exact, compared to 1e-4 (float output).
#include <gtest/gtest.h>

#include <filesystem>
#include <netcdf>

#include "base/text_file.hpp"
#include "io/conc_writer.hpp"
#include "io/daily_products.hpp"
#include "small_domain.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

constexpr double kTol = 1e-4;

/// The lowest layer's value of each pollutant at hour h (1-24) of the hand-checked day [ug m-3].
std::vector<double> hand_checked_hour(int h) {
  const double pm25 = h <= 12 ? 50 : 100, o3 = h >= 11 && h <= 18 ? 200 : 20;
  return {pm25, 100, 10, 40, o3, 1000};  // PM25, PM10, SO2, NO2, O3, CO (1 mg m-3)
}

/// Writes the day files of one run into `dir`: the 24 hours of 1 January (Beijing time) and
/// the first two of 2 January, every column alike.
void write_run(const test::SmallDomain& d, const std::string& dir, const std::string& run_id) {
  UnixSeconds t0 = 0;
  ASSERT_TRUE(parse_iso8601("2019-01-01T00:00:00+08:00", t0));
  const std::vector<OutputVariable> variables = {
      {"PM25", "PM2.5", "ug m-3"}, {"PM10", "PM10", "ug m-3"}, {"SO2", "SO2", "ug m-3"},
      {"NO2", "NO2", "ug m-3"},    {"O3", "O3", "ug m-3"},     {"CO", "CO", "ug m-3"}};
  ConcWriter w({dir, 1, 8 * 3600, t0, "", "kctm_conc", {}, "test", run_id}, d.grid, d.sub,
               d.geometry, d.mask, variables);
  const std::size_t layer = static_cast<std::size_t>(d.sub.ny) * d.sub.nx;
  for (int h = 1; h <= 26; ++h) {
    std::vector<std::vector<float>> fields;
    for (double v : hand_checked_hour(h > 24 ? h - 24 : h)) {
      std::vector<float> f(d.grid.nz() * layer, 5000.0f);  // above the lowest layer
      std::fill(f.begin(), f.begin() + layer, static_cast<float>(v));
      fields.push_back(f);
    }
    w.write(t0 + 3600 * h, fields);
  }
  w.finish();
}

TEST(DailyProducts, HandCheckedDayOnTheGridAndAtAStation) {
  const test::SmallDomain d;
  const std::string dir = test::temp_dir("daily-products");
  write_run(d, dir, "run-a");
  const analysis::Station station{"S1", "centre", 112.25, 26.75};
  const DailyProductFiles files =
      write_daily_products(dir, (std::filesystem::path(dir) / "post").string(), {station});
  EXPECT_EQ(files.days, 2);
  EXPECT_EQ(files.complete_days, 1);

  netCDF::NcFile nc(files.grid, netCDF::NcFile::read);
  const std::size_t cells = static_cast<std::size_t>(d.sub.ny) * d.sub.nx;
  ASSERT_EQ(nc.getDim("time").getSize(), 2u);
  double time[2], bounds[4];
  nc.getVar("time").getVar(time);
  nc.getVar("time_bnds").getVar(bounds);
  EXPECT_DOUBLE_EQ(time[0], 0.0);  // 1 January 00:00 Beijing, the day files' origin
  EXPECT_DOUBLE_EQ(time[1], 24.0);
  EXPECT_DOUBLE_EQ(bounds[1], 24.0);
  std::vector<float> pm25(2 * cells), mda8(2 * cells), co(2 * cells);
  std::vector<int> aqi(2 * cells);
  nc.getVar("PM25_24h").getVar(pm25.data());
  nc.getVar("O3_MDA8").getVar(mda8.data());
  nc.getVar("CO_24h").getVar(co.data());
  nc.getVar("AQI").getVar(aqi.data());
  for (std::size_t c = 0; c < cells; ++c) {
    EXPECT_NEAR(pm25[c], 75, kTol);
    EXPECT_NEAR(mda8[c], 200, kTol);
    EXPECT_NEAR(co[c], 1, kTol);
    EXPECT_EQ(aqi[c], 137);
    EXPECT_EQ(pm25[cells + c], -9999.0f);  // 2 January: two hours
    EXPECT_EQ(aqi[cells + c], -1);
  }
  const std::string csv = read_text_file(files.stations, "stations CSV");
  EXPECT_NE(csv.find("\nS1,2019-01-01,75,100,10,40,1,200,200,137,lightly polluted,O3_8h\n"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\nS1,2019-01-02,,,,,,,,,,\n"), std::string::npos) << csv;
}

TEST(DailyProducts, RefusesAFolderOfTwoRuns) {
  const test::SmallDomain d;
  const std::string dir = test::temp_dir("daily-products-two-runs");
  const std::string other = test::temp_dir("daily-products-other");
  write_run(d, dir, "run-a");
  write_run(d, other, "run-b");
  std::filesystem::copy_file(std::filesystem::path(other) / "kctm_conc_20190102.nc",
                             std::filesystem::path(dir) / "kctm_conc_20190103.nc");
  EXPECT_NE(test::error_of([&] { write_daily_products(dir, dir, {}); }).find("files of two runs"),
            std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::path(dir) / "kctm_daily.nc"));
}

}  // namespace
}  // namespace kctm
