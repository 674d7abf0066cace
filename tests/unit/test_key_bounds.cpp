#include <gtest/gtest.h>

#include <string>

#include "config/config.hpp"
#include "config/key_bounds.hpp"
#include "config/run_config.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

/// The error a run config with these settings meets ("" when it is accepted).
std::string refusal(const std::vector<std::string>& sets) {
  return test::error_of([&] {
    Config c;
    for (const std::string& s : sets) c.set(s);
    read_run_config(c);
  });
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// (The defaults lie within their ranges: read_run_config(Config()) accepts them.)
TEST(KeyBounds, EveryNumericKeyHasOneAndEveryBoundAKey) {
  const Config c;
  const std::vector<std::string> keys = c.numeric_keys();
  ASSERT_GT(keys.size(), 50u);
  for (const std::string& key : keys) {
    ASSERT_NO_THROW(key_bound(key)) << key << " has no range";
    const KeyBound& b = key_bound(key);
    EXPECT_LT(b.lo, b.hi) << key;
  }
  for (const KeyBound& b : key_bounds()) {
    bool used = false;
    for (const std::string& key : keys) used = used || &key_bound(key) == &b;
    EXPECT_TRUE(used) << b.key << " names no numeric key";
  }
}

TEST(KeyBounds, ValuesOutsideTheirRangeAreRefusedWithTheReason) {
  EXPECT_EQ(refusal({}), "no error");
  const std::string e = refusal({"emissions.regional_factor=1e40"});
  EXPECT_TRUE(has(e, "--set emissions.regional_factor: out of range")) << e;
  EXPECT_TRUE(has(e, "[0, 10]")) << e;
  EXPECT_TRUE(has(e, "got 1e+40")) << e;
  EXPECT_TRUE(has(refusal({"chemistry.background.O3=1e300"}), "out of range"));
  EXPECT_TRUE(has(refusal({"chemistry.background.CO=[1,2,3,4,5,6,7,8,9,10,11,-1]"}), "got -1"));
  EXPECT_TRUE(has(refusal({"time.step_s=0"}), "time.step_s: out of range"));
  EXPECT_TRUE(has(refusal({"meteo.climatology.kz_min_m2_s=1e-300"}), "kz_min_m2_s: out of range"));
  EXPECT_TRUE(has(refusal({"tracer.deposition_velocity_m_s=2"}), "out of range"));
}

TEST(KeyBounds, CombinationsThatBreakTheModelAreRefused) {
  // The roughness length must sit well below the lowest layer's middle (10 m by default).
  EXPECT_TRUE(has(refusal({"meteo.climatology.roughness_m=3", "grid.levels_m=[0, 8, 100, 1000]"}),
                  "too rough for the lowest layer"));
  EXPECT_EQ(refusal({"meteo.climatology.roughness_m=3"}), "no error");
  // A model top beyond the meteorology's troposphere.
  EXPECT_TRUE(has(refusal({"grid.levels_m=[0, 20, 1000, 100000]"}), "grid.levels_m: out of range"));
  EXPECT_TRUE(has(refusal({"tracer.source_height_m=12000", "grid.levels_m=[0, 20, 1000, 10000]"}),
                  "above the model top"));
  // The unlimited PPM only where no chemistry meets its undershoots.
  EXPECT_TRUE(has(refusal({"transport.monotone=false"}), "transport.monotone: false needs"));
  EXPECT_EQ(refusal({"transport.monotone=false", "chemistry.enabled=false"}), "no error");
}

}  // namespace
}  // namespace kctm
