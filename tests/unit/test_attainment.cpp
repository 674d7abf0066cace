// The first-order attainment projection on a hand-made apportionment and scenario.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "analysis/attainment.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

TEST(Attainment, ComponentsFollowTheirEmissionsAndGoodDaysFollowTheDailyMeans) {
  const std::string dir = test::temp_dir("attain");
  {
    std::ofstream f(dir + "/scenario.yaml");
    f << "base: {pm25_annual: 40, pm25_special_period: 60, good_day_share: 80, "
         "pm25_polluted_days: 20, days: 365}\n"
         "targets: {2025: {pm25_annual: 35, pm25_special_period: 50, good_day_share: 85}}\n"
         "phase: {2025: 0.5}\n"
         "changes: {power: {SO2: -0.8, PM25: -0.4}, traffic: {NOx: -0.6}}\n";
  }
  const Scenario s = read_scenario(dir + "/scenario.yaml", {"power", "traffic"},
                                   {"PM25", "SO2", "NOx", "VOC", "NH3"});
  // ug m-3 over Hengyang: power 4 primary + 6 sulfate; traffic 5 nitrate + 5 primary (its
  // primary is not cut); regional 20; the initial state 100 (spin-up, left out).
  const std::vector<SourceContribution> c = {{"power", "local", 4, 6, 0, 0, 0, 10},
                                             {"traffic", "local", 5, 0, 5, 0, 0, 10},
                                             {"regional", "regional", 20, 0, 0, 0, 0, 20},
                                             {"initial", "initial", 100, 0, 0, 0, 0, 100}};
  // Daily means: 3 of 5 above 75 ug m-3; after −11.75 %, 80 × 0.8825 = 70.6 drops below.
  const std::vector<YearProjection> y = project(s, c, {70, 80, 90, 100, 50});
  ASSERT_EQ(y.size(), 1u);
  // Change: (4 × −0.2 + 6 × −0.4 + 5 × −0.3) / 40 = −4.7 / 40 = −0.1175.
  EXPECT_NEAR(y[0].change, -0.1175, 1e-12);
  EXPECT_NEAR(y[0].annual, 40 * (1 - 0.1175), 1e-12);
  EXPECT_NEAR(y[0].special, 60 * (1 - 0.1175), 1e-12);
  // Polluted PM2.5 days: 20 × 2/3 (80 × 0.8825 = 70.6 now good); good days +6.67/365.
  EXPECT_NEAR(y[0].good_share, 80 + 100 * (20 - 20 * 2.0 / 3.0) / 365, 1e-9);
  // 35.3 > 35: the local sources (20 − 4.7 = 15.3 ug m-3 of 40) must lose 0.3 / 15.3 more.
  EXPECT_NEAR(y[0].local_cut_to_close, (40 * 0.8825 - 35) / 15.3, 1e-9);
  EXPECT_NE(attainment_table(s, y).find("NOT met"), std::string::npos);
  // Traffic's nitrate carries 1.5 of the 4.7 ug m-3 change: too much for the first order alone.
  EXPECT_NEAR(y[0].nonlinear_share, 1.5 / 4.7, 1e-12);
  EXPECT_NE(attainment_table(s, y).find("nitrate and ammonium carry 32 % of this change"),
            std::string::npos);
  // Without the NOx cut only primary PM and sulfate move: no warning.
  Scenario primary_only = s;
  primary_only.changes.erase("traffic");
  const std::vector<YearProjection> p = project(primary_only, c, {});
  EXPECT_EQ(p[0].nonlinear_share, 0.0);
  EXPECT_EQ(attainment_table(primary_only, p).find("nitrate and ammonium"), std::string::npos);
}

TEST(Attainment, ContributionsAtTheStationsOrOverTheAreaAndOverSeveralRuns) {
  const std::string dir = test::temp_dir("attain-places");
  const std::string header =
      "place,source,category,PM25_SA_ug_m3,PRIMARY_SA_ug_m3,SULF_SA_ug_m3,NIT_SA_ug_m3,"
      "NH4_SA_ug_m3,SOA_SA_ug_m3\n";
  {
    std::ofstream f(dir + "/a.csv");
    f << header << "S1,power,local,10,4,6,0,0,0\nS2,power,local,20,8,12,0,0,0\n"
      << "S1,regional,regional,30,30,0,0,0,0\nS2,regional,regional,10,10,0,0,0,0\n"
      << "Hengyang,power,local,5,2,3,0,0,0\nHengyang,regional,regional,25,25,0,0,0,0\n";
    std::ofstream g(dir + "/b.csv");
    g << header << "Hengyang,power,local,1,1,0,0,0,0\n";
  }
  // The stations' mean: power (10 + 20) / 2, regional (30 + 10) / 2.
  const auto at = read_contributions(dir + "/a.csv", ApportionmentPlace::Stations);
  ASSERT_EQ(at.size(), 2u);
  EXPECT_EQ(at[0].source, "power");
  EXPECT_DOUBLE_EQ(at[0].pm25, 15.0);
  EXPECT_DOUBLE_EQ(at[0].sulfate, 9.0);
  EXPECT_DOUBLE_EQ(at[1].pm25, 20.0);
  const auto area = read_contributions(dir + "/a.csv", ApportionmentPlace::CityArea);
  EXPECT_DOUBLE_EQ(area[0].pm25, 5.0);
  EXPECT_TRUE(summary_has_stations(dir + "/a.csv"));
  EXPECT_FALSE(summary_has_stations(dir + "/b.csv"));
  EXPECT_NE(test::error_of([&] {
              read_contributions(dir + "/b.csv", ApportionmentPlace::Stations);
            }).find("b.csv: no station rows"),
            std::string::npos);
  // Two runs weigh the same; a source one run lacks counts as zero there.
  const auto mean =
      mean_contributions({area, read_contributions(dir + "/b.csv", ApportionmentPlace::CityArea)});
  ASSERT_EQ(mean.size(), 2u);
  EXPECT_DOUBLE_EQ(mean[0].pm25, 3.0);   // power (5 + 1) / 2
  EXPECT_DOUBLE_EQ(mean[1].pm25, 12.5);  // regional (25 + 0) / 2
}

TEST(Attainment, BadScenariosAreRefusedByName) {
  const std::string dir = test::temp_dir("attain-bad");
  std::ofstream(dir + "/s.yaml") << "base: {pm25_annual: 40}\n";
  EXPECT_NE(
      test::error_of([&] { read_scenario(dir + "/s.yaml", {}, {}); }).find("pm25_special_period"),
      std::string::npos);
  std::ofstream(dir + "/t.yaml")
      << "base: {pm25_annual: 40, pm25_special_period: 60, good_day_share: 80, "
         "pm25_polluted_days: 20, days: 365}\ntargets: {2025: {pm25_annual: 35, "
         "pm25_special_period: 50, good_day_share: 85}}\nphase: {2025: 1}\n"
         "changes: {powr: {SO2: -0.5}}\n";
  EXPECT_NE(test::error_of([&] {
              read_scenario(dir + "/t.yaml", {"power"}, {"SO2"});
            }).find("did you mean 'power'"),
            std::string::npos);
}

TEST(Attainment, ScenarioValuesAreCheckedWhenRead) {
  const std::string dir = test::temp_dir("attain-values");
  auto error_with = [&](const std::string& targets, const std::string& phase,
                        const std::string& change) {
    std::ofstream(dir + "/s.yaml")
        << "base: {pm25_annual: 40, pm25_special_period: 60, good_day_share: 80, "
           "pm25_polluted_days: 20, days: 365}\ntargets: {"
        << targets << ": {pm25_annual: 35, pm25_special_period: 50, good_day_share: 85}}\n"
        << "phase: {" << phase << "}\nchanges: {power: {SO2: " << change << "}}\n";
    return test::error_of([&] { read_scenario(dir + "/s.yaml", {"power"}, {"SO2"}); });
  };
  EXPECT_EQ(error_with("2025", "2025: 1", "-0.5"), "no error");
  EXPECT_EQ(error_with("2025", "2025: 1.5", "-0.5"),
            dir + "/s.yaml: phase.2025: 1.5 is out of range (from 0 to 1)");
  EXPECT_NE(error_with("2025", "2025: -0.1", "-0.5").find("phase.2025: -0.1 is out of range"),
            std::string::npos);
  EXPECT_NE(error_with("2025", "2025: .nan", "-0.5").find("phase.2025: not a number"),
            std::string::npos);
  EXPECT_EQ(error_with("2025.5", "2025: 1", "-0.5"),
            dir + "/s.yaml: targets.2025.5: not a year (e.g. 2025)");
  EXPECT_NE(error_with("2025", "next: 1", "-0.5").find("phase.next: not a year"),
            std::string::npos);
  EXPECT_NE(error_with("2025", "2025: 1", "-1.5").find("changes.power.SO2: a cut beyond 100 %"),
            std::string::npos);
}

}  // namespace
}  // namespace kctm
