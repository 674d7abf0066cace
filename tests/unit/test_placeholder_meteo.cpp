// The placeholder meteorology: sensible diurnal mixing from the boundary-layer diagnostics.
#include <gtest/gtest.h>

#include <cmath>

#include "config/config.hpp"
#include "config/run_config.hpp"
#include "meteo/placeholder_meteo.hpp"

namespace kctm {

TEST(PlaceholderMeteo, MixesStronglyByDayAndWeaklyByNight) {
  Config c;
  c.set("grid.dx_km=20");
  const RunConfig rc = read_run_config(c);
  const GlobalGrid grid = GlobalGrid::from_spec(rc.domain);
  const Subdomain sub = whole_domain(grid, 1);
  const PlaceholderMeteo met(rc.meteo, grid, sub, rc.start);
  UnixSeconds noon = 0, midnight = 0;
  ASSERT_TRUE(parse_iso8601("2019-01-01T12:30:00+08:00", noon));
  ASSERT_TRUE(parse_iso8601("2019-01-01T00:30:00+08:00", midnight));
  const MeteoSnapshot day = met.at(noon), night = met.at(midnight);
  const int k = grid.levels().layer_of_height(300.0);  // an interface near 300 m
  const std::size_t column = static_cast<std::size_t>(k) * sub.ny * sub.nx;
  EXPECT_GT(day.kz_m2_s[column], 10.0) << "convective afternoon mixing";
  EXPECT_LE(night.kz_m2_s[column], 1.0) << "a stable night";
  EXPECT_LT(met.surface_state(noon).layer.l_m, 0.0);
  EXPECT_GT(met.surface_state(midnight).layer.l_m, 0.0);
  for (const MeteoSnapshot* s : {&day, &night}) {
    for (double v : s->kz_m2_s) ASSERT_TRUE(std::isfinite(v) && v >= 0);
    for (double v : s->rho_kg_m3) ASSERT_GT(v, 0.0);
  }
}

}  // namespace kctm
