// The plan's 2018 inventory: stated shares kept, the remainder spread by the stated rule, totals
// exact; bad inventories refused by key. Temporal profiles: each sector's hours of a year sum to
// one.
#include <gtest/gtest.h>

#include <cmath>

#include "emissions/inventory.hpp"
#include "emissions/scale_rules.hpp"
#include "emissions/temporal_profiles.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

TEST(Inventory, HengyangTotalsAndStatedShares) {
  const Inventory& inv = hengyang_2018_inventory();
  // Section 二.(一).1: totals in tonnes.
  const std::vector<std::pair<std::string, double>> totals = {
      {"PM25", 33000}, {"PM10", 110000}, {"NOx", 54000}, {"SO2", 22000},
      {"NH3", 35000},  {"CO", 199000},   {"VOC", 43000}};
  for (const auto& [name, total] : totals) {
    const int p = inv.pollutant_index(name);
    ASSERT_GE(p, 0) << name;
    EXPECT_NEAR(inv.total_t(p), total, 1e-9 * total) << name;
  }
  const int nox = inv.pollutant_index("NOx"), mobile = inv.sector_index("mobile");
  EXPECT_NEAR(inv.t(nox, mobile), 0.469 * 54000, 1e-6);
  EXPECT_TRUE(inv.stated[nox * inv.sectors.size() + mobile]);
  // VOC: 88.4 % stated; the 11.6 % left can only go to residential & commercial (the one other
  // sector emitting VOC).
  const int voc = inv.pollutant_index("VOC"), res = inv.sector_index("residential_commercial");
  EXPECT_NEAR(inv.t(voc, res), 0.116 * 43000, 1e-6);
  // NH3: 4.9 % left over process, mobile, residential, stationary combustion and biomass burning
  // in proportion 21.8 : 15.9 : 10.1 : 8.5 : 6.8 (the plan's PM2.5 sector shares).
  const int nh3 = inv.pollutant_index("NH3");
  EXPECT_NEAR(inv.t(nh3, mobile), 0.049 * 35000 * 15.9 / 63.1, 1e-6);
  EXPECT_EQ(inv.t(nh3, inv.sector_index("fugitive_dust")), 0.0);  // dust emits no NH3
  // CO: the stated shares add up to 100 %, nothing is left.
  const int co = inv.pollutant_index("CO");
  EXPECT_EQ(inv.t(co, res), 0.0);
}

TEST(Inventory, BadInventoriesAreRefusedByKey) {
  const std::string head =
      "source: test\nsectors:\n  a: {emits: [X]}\n  b: {emits: [X]}\n"
      "remainder_weights: {a: 1, b: 1}\npollutants:\n";
  EXPECT_NE(test::error_of([&] {
              parse_inventory(head + "  X: {total_t: 10, shares: {a: 80, b: 30}}\n", "i.yaml");
            }).find("i.yaml: pollutants.X.shares: the stated shares add up to more than 100 %"),
            std::string::npos);
  EXPECT_NE(test::error_of([&] {
              parse_inventory(head + "  X: {total_t: 10, shares: {c: 10}}\n", "i.yaml");
            }).find("unknown sector 'c'"),
            std::string::npos);
  EXPECT_NE(test::error_of([&] {
              parse_inventory(head + "  X: {total_t: 10, shares: {a: 60, b: 30}}\n", "i.yaml");
            }).find("that no other sector emitting X can take"),
            std::string::npos);
  EXPECT_NE(test::error_of([&] {
              parse_inventory(head + "  X: {total_t: -1}\n", "i.yaml");
            }).find("pollutants.X.total_t: must be a non-negative number"),
            std::string::npos);
}

TEST(TemporalProfiles, EachSectorsYearSumsToOne) {
  const TemporalProfiles p(builtin_temporal_profiles(), 8 * 3600);
  const UnixSeconds start = days_from_civil({2018, 1, 1}) * 86400 - 8 * 3600;  // Beijing midnight
  for (const auto& [sector, profile] : builtin_temporal_profiles()) {
    double sum = 0;
    for (int h = 0; h < 8760; ++h) sum += p.hour_fraction(sector, start + h * 3600);
    EXPECT_NEAR(sum, 1.0, 1e-12) << sector;
  }
  // Shapes: winter heating, rush hours.
  const UnixSeconds jan = start + 10 * 86400, jul = start + 191 * 86400;
  EXPECT_GT(p.hour_fraction("residential_commercial", jan + 18 * 3600),
            p.hour_fraction("residential_commercial", jul + 18 * 3600));
  EXPECT_GT(p.hour_fraction("mobile", jan + 8 * 3600),
            5 * p.hour_fraction("mobile", jan + 3 * 3600));
}

}  // namespace
}  // namespace kctm

namespace kctm {
namespace {

TEST(ScaleRules, ParseMatchAndRefuse) {
  const std::vector<ScaleRule> r = parse_scale_rules(" mobile:NOx:*=0.8 , *:*:leiyang=0.5", "k");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_DOUBLE_EQ(scale_factor(r, "mobile", "NOx", "leiyang"), 0.4);
  EXPECT_DOUBLE_EQ(scale_factor(r, "mobile", "SO2", "hengnan"), 1.0);
  EXPECT_DOUBLE_EQ(scale_factor(r, "agriculture", "NH3", "leiyang"), 0.5);
  EXPECT_TRUE(parse_scale_rules("", "k").empty());
  EXPECT_NE(test::error_of([] {
              parse_scale_rules("mobile:NOx=0.5", "--set emissions.scale");
            }).find("--set emissions.scale: rule 'mobile:NOx=0.5' is not"),
            std::string::npos);
  EXPECT_NE(test::error_of([] {
              parse_scale_rules("mobile:NOx:*=-1", "k");
            }).find("not a number from 0 to 10"),
            std::string::npos);
  // Ten times the inventory is the most a scenario may ask.
  EXPECT_NO_THROW(parse_scale_rules("*:*:*=10", "k"));
  EXPECT_NE(test::error_of([] { parse_scale_rules("*:*:*=1e40", "k"); }).find("from 0 to 10"),
            std::string::npos);
}

}  // namespace
}  // namespace kctm
