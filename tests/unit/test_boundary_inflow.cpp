// The air flowing in: the background in every layer, the regional inflow below its top (a layer
// across the top by its share below it), each part in its source's tags.
#include <gtest/gtest.h>

#include "apportionment/setup.hpp"
#include "apportionment/sources.hpp"
#include "config/run_config.hpp"
#include "grids/vertical_levels.hpp"
#include "run/boundary_inflow.hpp"
#include "state/model_species.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

TEST(BoundaryInflow, RegionalAirFlowsInBelowItsTopAndItsTagsFollow) {
  const RunConfig c = read_run_config(test::config_with(
      {"grid.levels_m=[0, 20, 500, 1000, 1500, 4000]", "grid.mask.counties_file=\"\"",
       "chemistry.background.SULF=2", "chemistry.regional_inflow.SULF=6",
       "chemistry.regional_inflow_top_m=1200"}));
  FieldRegistry registry;
  const int tracer = registry.add_species({c.tracer.name, "passive tracer", Phase::Tracer, 0.0});
  add_model_species(registry);
  const SourceSet sources = build_source_set(c.apportionment, {"mobile"}, {}, false);
  register_tags(sources, registry);
  const VerticalLevels levels(c.domain.level_interfaces_m);
  const int nz = levels.nz();
  BoundaryInflow inflow(c, registry, &sources, tracer, levels);
  const std::vector<double>& q = inflow.at(c.start);
  ASSERT_EQ(q.size(), static_cast<std::size_t>(registry.n_fields() * nz));
  auto at = [&](int field, int k) { return q[static_cast<std::size_t>(field) * nz + k]; };

  const int bulk = registry.species("SULF");
  const int regional = registry.tagged("SULF", "regional");
  const int background = registry.tagged("SULF", "background");
  const double clean = at(bulk, nz - 1);  // the top layer lies wholly above 1200 m
  ASSERT_GT(clean, 0.0);
  for (int k = 0; k < 3; ++k) EXPECT_DOUBLE_EQ(at(bulk, k), 4 * clean);  // 2 + 6 ug m-3
  EXPECT_DOUBLE_EQ(at(bulk, 3), clean + 0.4 * 3 * clean);
  for (int k = 0; k < nz; ++k) {
    EXPECT_DOUBLE_EQ(at(background, k), clean);
    EXPECT_DOUBLE_EQ(at(regional, k), at(bulk, k) - clean);
  }
}

}  // namespace
}  // namespace kctm
