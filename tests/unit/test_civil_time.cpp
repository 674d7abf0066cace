#include <gtest/gtest.h>

#include "base/civil_time.hpp"

namespace kctm {

TEST(CivilTime, DaysFromCivilRoundTripsOverCenturies) {
  for (std::int64_t d = -800000; d <= 800000; d += 997) {
    EXPECT_EQ(days_from_civil(civil_from_days(d)), d);
  }
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
}

TEST(CivilTime, ParsesOffsetsAndRejectsMalformedText) {
  UnixSeconds t = 0;
  ASSERT_TRUE(parse_iso8601("2019-01-01T00:00:00+08:00", t));
  EXPECT_EQ(t, 1546272000);  // 2018-12-31T16:00:00Z
  ASSERT_TRUE(parse_iso8601("2019-01-01T08:00Z", t));
  EXPECT_EQ(t, 1546329600);
  ASSERT_TRUE(parse_iso8601("2020-02-29T12:30:15-05:30", t));
  EXPECT_EQ(format_iso8601(t, -19800), "2020-02-29T12:30:15-05:30");
  for (const char* bad : {"2019-01-01T00:00:00", "2019-02-29T00:00Z", "2019-13-01T00:00Z",
                          "2019-01-01T24:00Z", "yesterday", "2019-01-01T00:00:00+08:00x"}) {
    EXPECT_FALSE(parse_iso8601(bad, t)) << bad;
  }
}

TEST(CivilTime, LocalDateFollowsTheZone) {
  UnixSeconds t = 0;
  ASSERT_TRUE(parse_iso8601("2019-01-01T23:30:00Z", t));
  const CivilDate utc = local_date(t, 0), beijing = local_date(t, 8 * 3600);
  EXPECT_EQ(utc.day, 1);
  EXPECT_EQ(beijing.day, 2);
  EXPECT_EQ(format_iso8601(t, 8 * 3600), "2019-01-02T07:30:00+08:00");
}

}  // namespace kctm
