// Release heights of area emissions: Bieser et al.'s industry profile as built in, each band's
// share spread over the model's layers by overlap with nothing lost, the ground layer for a
// sector the table does not name, and bad tables refused by key.
#include <gtest/gtest.h>

#include <numeric>

#include "emissions/release_heights.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

double sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

TEST(ReleaseHeights, IndustryAsBieserEtAlTable3) {
  const ReleaseHeights r = load_release_heights("");
  EXPECT_EQ(r.band_tops_m, (std::vector<double>{20, 92, 184, 324, 522, 781, 1106}));
  EXPECT_EQ(r.shares.at("industrial_process"),
            (std::vector<double>{0.06, 0.16, 0.75, 0.03, 0, 0, 0}));
  // The default levels: 0, 20, 45, 80, 125, 180, 250, 340 m, ...
  const VerticalLevels lev({0, 20, 45, 80, 125, 180, 250, 340, 450, 10000});
  const std::vector<double> s = r.layer_shares("industrial_process", lev);
  ASSERT_EQ(s.size(), 9u);
  EXPECT_NEAR(sum(s), 1.0, 1e-15);
  EXPECT_NEAR(s[0], 0.06, 1e-15);
  EXPECT_NEAR(s[1], 0.16 * 25 / 72, 1e-15);                   // 20-45 m
  EXPECT_NEAR(s[3], 0.16 * 12 / 72 + 0.75 * 33 / 92, 1e-15);  // 80-125 m: two bands
  EXPECT_NEAR(s[6], 0.03 * 74 / 140, 1e-15);                  // 250-340 m
  EXPECT_EQ(s[7], 0.0);
  // Traffic, households and the rest at the ground.
  for (const char* sector : {"mobile", "fugitive_dust", "residential_commercial"}) {
    const std::vector<double> g = r.layer_shares(sector, lev);
    EXPECT_EQ(g[0], 1.0) << sector;
    EXPECT_EQ(sum(g), 1.0) << sector;
  }
}

TEST(ReleaseHeights, BandsAboveTheModelTopStayInItsTopLayer) {
  const ReleaseHeights r =
      parse_release_heights("band_tops_m: [10, 30]\nsectors:\n  x: [0.5, 0.5]\n", "t.yaml");
  const std::vector<double> two = r.layer_shares("x", VerticalLevels({0, 20, 40}));
  EXPECT_DOUBLE_EQ(two[0], 0.75);  // all of 0-10 m and half of 10-30 m
  EXPECT_DOUBLE_EQ(two[1], 0.25);
  const std::vector<double> one = r.layer_shares("x", VerticalLevels({0, 15}));
  EXPECT_DOUBLE_EQ(one[0], 1.0);
}

TEST(ReleaseHeights, BadTablesAreRefusedByKey) {
  auto error = [](const std::string& yaml) {
    return test::error_of([&] { parse_release_heights(yaml, "t.yaml"); });
  };
  EXPECT_EQ(error("sectors: {}\n"), "t.yaml: missing key 'band_tops_m'");
  EXPECT_EQ(error("band_tops_m: [20, 10]\nsectors: {}\n"),
            "t.yaml: band_tops_m[1]: must be above the band below it (and above the ground)");
  EXPECT_EQ(error("band_tops_m: [10, 20]\nsectors:\n  x: [1]\n"),
            "t.yaml: sectors.x: needs 2 shares, one per band of band_tops_m");
  EXPECT_EQ(error("band_tops_m: [10, 20]\nsectors:\n  x: [0.5, 0.4]\n"),
            "t.yaml: sectors.x: the shares add up to 0.900000, not 1");
  EXPECT_EQ(error("band_tops_m: [10, 20]\nsectors:\n  x: [1.5, -0.5]\n"),
            "t.yaml: sectors.x[1]: must not be negative");
}

}  // namespace
}  // namespace kctm
