// The climate normals table: the built-in Hengyang one, and clear errors for bad tables.
#include <gtest/gtest.h>

#include <cmath>

#include "meteo/climate_normals.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

const char* const kHeader =
    "month,t_mean_c,t_max_c,t_min_c,rh_pct,precip_mm,precip_days,sunshine_h,wind_ms,"
    "prevailing_dir,quality\n";

std::string table_with(int month, const std::string& row) {
  std::string text = kHeader;
  for (int m = 1; m <= 12; ++m) {
    text += m == month ? row : std::to_string(m) + ",10,15,5,80,100,10,100,2.5,N,test";
    text += "\n";
  }
  return text;
}

TEST(ClimateNormals, BuiltInHengyangTable) {
  const ClimateNormals& n = hengyang_normals();
  double precip = 0, days = 0, sunshine = 0;
  for (const MonthlyNormals& m : n.months) {
    precip += m.precip_mm;
    days += m.precip_days;
    sunshine += m.sunshine_h;
    EXPECT_EQ(m.wind_m_s, kDefaultWindSpeed_m_s);  // the table has no monthly wind
    EXPECT_EQ(m.quality, "unverified_memory_shape_scaled");
  }
  // The verified annual normals (FACTS-INPUTS.md §1) that the monthly shape was scaled to.
  EXPECT_NEAR(precip, 1319.8, 0.5);
  EXPECT_NEAR(days, 157.4, 0.5);
  EXPECT_NEAR(sunshine, 1435, 1);
  EXPECT_DOUBLE_EQ(n.months[0].t_mean_c, 6.1);
  EXPECT_DOUBLE_EQ(n.months[0].prevailing_from_deg, 0.0);    // N
  EXPECT_DOUBLE_EQ(n.months[6].prevailing_from_deg, 180.0);  // S
  EXPECT_TRUE(std::isnan(n.months[3].prevailing_from_deg));  // no prevailing direction in April
}

TEST(ClimateNormals, UserTable) {
  const ClimateNormals n =
      parse_climate_normals(table_with(5, "5,20,25,16,70,50,5,150,,SSE,x"), "t.csv");
  EXPECT_DOUBLE_EQ(n.months[4].t_mean_c, 20);
  EXPECT_DOUBLE_EQ(n.months[4].wind_m_s, kDefaultWindSpeed_m_s);
  EXPECT_DOUBLE_EQ(n.months[4].prevailing_from_deg, 157.5);
  EXPECT_DOUBLE_EQ(n.months[0].wind_m_s, 2.5);
}

TEST(ClimateNormals, BadTablesNameFileLineAndColumn) {
  using test::error_of;
  EXPECT_NE(error_of([] {
              parse_climate_normals("month,t\n", "a.csv");
            }).find("a.csv:1: unexpected header"),
            std::string::npos);
  EXPECT_NE(error_of([] {
              parse_climate_normals(table_with(3, "3,x,15,5,80,100,10,100,,N,q"), "b.csv");
            }).find("b.csv:4: t_mean_c: 'x' is not a number"),
            std::string::npos);
  EXPECT_NE(error_of([] {
              parse_climate_normals(table_with(2, "2,10,15,5,180,100,10,100,,N,q"), "c.csv");
            }).find("c.csv:3: rh_pct: 180 is out of range"),
            std::string::npos);
  EXPECT_NE(error_of([] {
              parse_climate_normals(table_with(2, "2,10,15,5,80,100,10"), "d.csv");
            }).find("d.csv:3: 7 columns"),
            std::string::npos);
  EXPECT_NE(error_of([] {
              parse_climate_normals(table_with(2, "1,10,15,5,80,100,10,100,,N,q"), "e.csv");
            }).find("e.csv:3: month: month 1 appears twice"),
            std::string::npos);
  EXPECT_NE(error_of([] {
              parse_climate_normals(table_with(2, "2,10,15,5,80,100,10,100,,NORTH,q"), "f.csv");
            }).find("f.csv:3: prevailing_dir: 'NORTH' is not a compass point"),
            std::string::npos);
  EXPECT_NE(error_of([] {
              parse_climate_normals(table_with(2, "2,20,15,5,80,100,10,100,,N,q"), "g.csv");
            }).find("g.csv:3: needs t_min_c"),
            std::string::npos);
  EXPECT_NE(error_of([] {
              read_climate_normals("/nonexistent/normals.csv");
            }).find("/nonexistent/normals.csv: climate normals file not found"),
            std::string::npos);
}

}  // namespace
}  // namespace kctm
