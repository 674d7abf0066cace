// Sources from config: the default set, county crossing, user groupings, and the refusals that
// keep every origin in exactly one source.
#include <gtest/gtest.h>

#include "apportionment/sources.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

const std::vector<std::string> kSectors = {"mobile", "stationary_combustion", "agriculture"};
const std::vector<std::string> kUnits = {"leiyang", "hengnan"};

SourceSet build(const std::string& sources, const std::string& factors = "",
                bool by_county = false) {
  SourceApportionmentConfig c;
  c.sources = sources;
  c.sources_where = "cfg.yaml:3: source_apportionment.sources";
  c.factors = factors;
  c.factors_where = "cfg.yaml:4: source_apportionment.factors";
  c.by_county = by_county;
  return build_source_set(c, kSectors, kUnits, false);
}

TEST(ApportionmentSources, TheDefaultSetFollowsThePlansCategories) {
  const SourceSet s = build("");
  EXPECT_EQ(s.names, (std::vector<std::string>{"mobile", "stationary_combustion", "agriculture",
                                               "regional", "background", "initial"}));
  EXPECT_EQ(s.local_source(1, 0), 1);   // power in Leiyang
  EXPECT_EQ(s.local_source(1, -1), 1);  // and outside every unit
  EXPECT_EQ(s.regional, 3);
  EXPECT_EQ(s.regional_inflow, 3);
  EXPECT_EQ(s.boundary, 4);
  EXPECT_EQ(s.biogenic, 4);
  EXPECT_EQ(s.initial, 5);
  EXPECT_EQ(s.categories[0], SourceCategory::Local);
  EXPECT_EQ(s.categories[3], SourceCategory::Regional);
  EXPECT_EQ(s.categories[4], SourceCategory::Background);
  EXPECT_EQ(s.fallback(), 4);
}

TEST(ApportionmentSources, ByCountyCrossesSectorsWithUnits) {
  const SourceSet s = build("", "", true);
  EXPECT_EQ(s.size(), 3 * 2 + 3 + 1);  // outside every unit goes to "other"
  EXPECT_EQ(s.names[s.local_source(0, 1)], "mobile:hengnan");
  EXPECT_EQ(s.names[s.local_source(0, -1)], "other");
}

TEST(ApportionmentSources, UnnamedOriginsGoToOther) {
  const SourceSet s =
      build("leiyang_power = stationary_combustion@leiyang; traffic = mobile@*", "traffic=0");
  EXPECT_EQ(s.names, (std::vector<std::string>{"leiyang_power", "traffic", "other"}));
  EXPECT_EQ(s.local_source(1, 0), 0);
  EXPECT_EQ(s.local_source(1, 1), 2);
  EXPECT_EQ(s.local_source(0, 1), 1);
  EXPECT_EQ(s.initial, 2);
  EXPECT_EQ(s.factors, (std::vector<double>{1.0, 0.0, 1.0}));
  EXPECT_EQ(s.categories[2], SourceCategory::Mixed);
}

TEST(ApportionmentSources, RefusesOverlapsUnknownNamesAndBadFactors) {
  EXPECT_NE(test::error_of([] {
              build("power = stationary_combustion@*; leiyang = *@leiyang");
            }).find("sources 'power' and 'leiyang' both take stationary_combustion@leiyang"),
            std::string::npos);
  EXPECT_NE(test::error_of([] { build("x = mobil@*"); }).find("did you mean 'mobile'"),
            std::string::npos);
  EXPECT_NE(test::error_of([] { build("x = mobile@leiyan"); }).find("unknown county-level unit"),
            std::string::npos);
  EXPECT_NE(test::error_of([] { build("x = regionl"); }).find("unknown origin 'regionl'"),
            std::string::npos);
  EXPECT_NE(test::error_of([] { build("x = regional; x = initial"); }).find("defined twice"),
            std::string::npos);
  EXPECT_NE(test::error_of([] { build("= regional"); }).find("is not name = origin"),
            std::string::npos);
  EXPECT_NE(test::error_of([] { build("", "mobil=0"); }).find("cfg.yaml:4"), std::string::npos);
  EXPECT_NE(test::error_of([] { build("", "mobile=-1"); }).find("factor from 0 to 10"),
            std::string::npos);
  EXPECT_NE(test::error_of([] { build("", "mobile=11"); }).find("factor from 0 to 10"),
            std::string::npos);
}

}  // namespace
}  // namespace kctm
