// A run's apportionment beside the plan's 2018 shares, and month by month, on hand-made
// contributions: categories in the plan's order, a sector counted over its counties, the
// sectors' plan shares of all PM2.5 taken from their shares of the local part, and the months
// as means of their runs.
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/plan_apportionment.hpp"

namespace kctm {
namespace {

// source, category, primary, sulfate, nitrate, ammonium, soa, pm25, o3
const std::vector<SourceContribution> kRun = {{"fugitive_dust", "local", 10, 0, 0, 0, 0, 10, 0},
                                              {"mobile:zhuhui", "local", 1, 0, 3, 0, 0, 4, 2},
                                              {"mobile:leiyang", "local", 2, 0, 0, 0, 0, 2, 0},
                                              {"solvent_use", "local", 0, 0, 0, 0, 1, 1, 0},
                                              {"regional", "regional", 0, 10, 5, 4, 0, 19, 8},
                                              {"background", "background", 4, 0, 0, 0, 0, 4, 90}};

TEST(PlanApportionment, SharesBesideThePlansOwn) {
  const ApportionmentShares s = apportionment_shares(kRun);  // 40 ug m-3 in all
  ASSERT_GE(s.categories.size(), 4u);
  EXPECT_EQ(s.categories[0], (std::pair<std::string, double>{"local", 42.5}));
  EXPECT_EQ(s.categories[1], (std::pair<std::string, double>{"regional", 47.5}));
  EXPECT_EQ(s.categories[2], (std::pair<std::string, double>{"background", 10.0}));
  EXPECT_EQ(s.categories[3], (std::pair<std::string, double>{"initial", 0.0}));
  EXPECT_DOUBLE_EQ(s.primary, 42.5);
  EXPECT_DOUBLE_EQ(s.secondary, 57.5);
  EXPECT_DOUBLE_EQ(s.sulfate_nitrate, 45.0);
  EXPECT_DOUBLE_EQ(s.local, 42.5);
  // The plan's seven sectors in its order (absent ones at 0), then the others.
  ASSERT_EQ(s.sectors.size(), 8u);
  EXPECT_EQ(s.sectors[0], (std::pair<std::string, double>{"fugitive_dust", 25.0}));
  EXPECT_EQ(s.sectors[2], (std::pair<std::string, double>{"mobile", 15.0}));  // both counties
  EXPECT_EQ(s.sectors[1].second, 0.0);
  EXPECT_EQ(s.sectors[7], (std::pair<std::string, double>{"solvent_use", 2.5}));

  const std::string table = apportionment_beside_plan(s);
  // Mobile: 15.9 % of the plan's local 68.4 % is 10.9 % of all PM2.5; the model's 15 % of
  // PM2.5 is 35.3 % of its local 42.5 %.
  EXPECT_NE(table.find("mobile                         15.0       10.9         35.3         15.9"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("local                          42.5       68.4"), std::string::npos);
  EXPECT_NE(table.find("solvent_use                     2.5          –          5.9            –"),
            std::string::npos)
      << table;
}

TEST(PlanApportionment, MonthsAreTheMeansOfTheirRuns) {
  std::vector<SourceContribution> cleaner = kRun;
  for (SourceContribution& c : cleaner) {
    c.pm25 /= 2;
    c.o3 = 0;
  }
  const std::vector<MonthApportionment> months =
      apportionment_by_month({{7, kRun}, {1, kRun}, {1, cleaner}});
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0].month, 1);
  EXPECT_EQ(months[0].runs, 2);
  EXPECT_DOUBLE_EQ(months[0].pm25, 30.0);
  EXPECT_DOUBLE_EQ(months[0].local, 12.75);
  EXPECT_DOUBLE_EQ(months[0].regional, 14.25);
  EXPECT_DOUBLE_EQ(months[0].local_o3_pct, 2.0);  // 1 of the runs' mean 50
  EXPECT_EQ(months[1].month, 7);
  EXPECT_DOUBLE_EQ(months[1].background, 4.0);
  EXPECT_DOUBLE_EQ(months[1].local_o3_pct, 2.0);
  // Without O3 in the summaries the local share of O3 is not made up.
  const std::vector<MonthApportionment> no_o3 = apportionment_by_month({{3, cleaner}});
  EXPECT_TRUE(std::isnan(no_o3[0].local_o3_pct));
  EXPECT_NE(month_table(no_o3).find(" –\n"), std::string::npos) << month_table(no_o3);
}

}  // namespace
}  // namespace kctm
