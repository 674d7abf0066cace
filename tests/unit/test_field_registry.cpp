#include <gtest/gtest.h>

#include "base/error.hpp"
#include "model/field_registry.hpp"

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

}  // namespace kctm
