#include <gtest/gtest.h>

#include <algorithm>

#include "base/error.hpp"
#include "chemistry/species.hpp"
#include "state/field_registry.hpp"
#include "state/model_species.hpp"

namespace kctm {

TEST(FieldRegistry, BulkThenTaggedFieldsByName) {
  FieldRegistry r;
  EXPECT_EQ(r.add_species({"SO2", "sulfur dioxide", Phase::Gas, 64.07}), 0);
  EXPECT_EQ(r.add_species({"PSO4", "sulfate", Phase::Aerosol, 96.06}), 1);
  r.add_source("power");
  r.add_source("boundary");
  r.tag_species("PSO4");
  EXPECT_EQ(r.n_fields(), 2 + 2);
  EXPECT_EQ(r.species("PSO4"), 1);
  EXPECT_EQ(r.tagged("PSO4", "power"), 2);
  EXPECT_EQ(r.tagged("PSO4", "boundary"), 3);
  EXPECT_EQ(r.field_name(3), "PSO4@boundary");
  r.add_source("mobile");  // a source added later tags every tagged species too
  EXPECT_EQ(r.n_fields(), 5);
  EXPECT_EQ(r.field_name(4), "PSO4@mobile");
}

TEST(FieldRegistry, OneSpeciesCarriesSeveralTagKinds) {
  FieldRegistry r;
  r.add_species({"NO2", "nitrogen dioxide", Phase::Gas, 46.01});
  r.add_species({"O3", "ozone", Phase::Gas, 48.0});
  r.add_source("mobile");
  r.add_source("boundary");
  r.tag_species("O3", "O3N");
  r.tag_species("O3", "O3V");
  r.tag_species("NO2");
  EXPECT_EQ(r.n_fields(), 2 + 3 * 2);
  EXPECT_EQ(r.tagged("O3V", "mobile"), 4);
  EXPECT_EQ(r.field_name(4), "O3V@mobile");
  EXPECT_EQ(r.bulk_field(r.tagged("O3V", "boundary")), 1);
  EXPECT_EQ(r.bulk_field(r.tagged("NO2", "mobile")), 0);
  EXPECT_EQ(r.bulk_field(1), 1);
  EXPECT_THROW(r.tag_species("O3", "NO2"), Error);  // a kind may not shadow a species
  EXPECT_THROW(r.tagged("O3", "mobile"), Error);    // O3 itself is not a kind here
}

TEST(FieldRegistry, KeptTagsOnlyGetFields) {
  FieldRegistry r;
  r.add_species({"SO2", "sulfur dioxide", Phase::Gas, 64.07});
  r.add_species({"PEC", "elemental carbon", Phase::Aerosol, 12.01});
  r.add_source("dust");
  r.add_source("power");
  r.tag_species("SO2");
  r.tag_species("PEC");
  r.keep_tags({{false, true}, {true, true}});  // dust emits no SO2
  EXPECT_EQ(r.n_fields(), 2 + 3);
  EXPECT_EQ(r.tag_field(0, 0), -1);
  EXPECT_EQ(r.tagged("SO2", "power"), 2);
  EXPECT_EQ(r.tagged("PEC", "dust"), 3);
  EXPECT_EQ(r.field_name(4), "PEC@power");
  EXPECT_EQ(r.bulk_field(4), 1);
  EXPECT_EQ(r.first_tag_field(0, 0), -1);
  EXPECT_THROW(r.tagged("SO2", "dust"), Error);
  EXPECT_THROW(r.add_source("mobile"), Error);
}

TEST(FieldRegistry, AKindMayTagTheSumOfSeveralSpecies) {
  FieldRegistry r;
  r.add_species({"PEC", "elemental carbon", Phase::Aerosol, 12.01});
  r.add_species({"POA", "organic aerosol", Phase::Aerosol, 220.0});
  r.add_source("dust");
  r.tag_species("PEC", "PRIMARY");
  r.tag_species("POA", "PRIMARY");
  EXPECT_EQ(r.n_fields(), 2 + 1);
  EXPECT_EQ(r.tag_parents(0), (std::vector<int>{0, 1}));
  EXPECT_EQ(r.first_tag_field(1, 0), 2);
  EXPECT_EQ(r.bulk_field(2), 0);
}

TEST(FieldRegistry, UnknownNamesGetAHint) {
  FieldRegistry r;
  r.add_species({"TRACER", "passive tracer", Phase::Tracer, 0});
  try {
    r.species("TRACRE");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'TRACER'"), std::string::npos);
  }
  EXPECT_THROW(r.add_species({"TRACER", "again", Phase::Tracer, 0}), Error);
  EXPECT_THROW(r.tagged("TRACER", "power"), Error);
}

TEST(FieldRegistry, TransportLeavesTheShortLivedRadicalsAndNothingElse) {
  FieldRegistry r;
  add_model_species(r);
  r.add_source("mobile");
  r.tag_species("NO2");
  r.tag_species("O3");
  std::vector<std::string> staying,
      radicals(chem::kCellBoundRadicals.begin(), chem::kCellBoundRadicals.end());
  for (int f : staying_fields(r)) staying.push_back(r.field_name(f));
  std::sort(staying.begin(), staying.end());
  std::sort(radicals.begin(), radicals.end());
  EXPECT_EQ(staying, radicals);
  // Each of them is one the solver treats as fast, and NO3 moves with its reservoir N2O5.
  for (const std::string& name : radicals) {
    EXPECT_NE(std::find(chem::kFastRadicals.begin(), chem::kFastRadicals.end(), name),
              chem::kFastRadicals.end())
        << name;
  }
  EXPECT_EQ(std::count(staying.begin(), staying.end(), "NO3"), 0);
}

}  // namespace kctm
