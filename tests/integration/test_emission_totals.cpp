// The gridded emissions of a whole year, hour by hour, summed over the Hengyang mask: equal to the
// plan's inventory for every pollutant and sector (acceptance: 0.1 %), nothing outside the mask
// but the named point sources, which lie inside Hengyang.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "model/config.hpp"
#include "model/emissions_setup.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

TEST(EmissionTotals, AYearOfGriddedHoursEqualsTheInventory) {
  Config c;
  c.set("grid.dx_km=9");
  const std::string outlines =
      test::shared_data("boundary-hengyang/hengyang_430400_counties.geojson");
  c.set("grid.mask.counties_file=\"" + outlines + "\"");  // "" when absent: the core box
  const Domain d = build_domain(read_run_config(c), 0);
  std::printf("mask: %s, %zu units\n", d.mask.from_boundary_file ? "county outlines" : "core box",
              d.mask.units.size());
  const EmissionModel m = build_emission_model(d);
  const Inventory& inv = m.inventory();
  const std::size_t np = inv.pollutants.size(), ns = inv.sectors.size();
  const std::size_t plane = static_cast<std::size_t>(d.sub.nx) * d.sub.ny, nz = d.grid.nz();
  const UnixSeconds start = days_from_civil({2018, 1, 1}) * 86400 - 8 * 3600;  // Beijing time
  double worst = 0;
  for (std::size_t s = 0; s < ns; ++s) {
    std::vector<double> year(m.values(), 0.0);
    for (int h = 0; h < 8760; ++h) m.add_hour(static_cast<int>(s), start + h * 3600, year);
    for (std::size_t p = 0; p < np; ++p) {
      double sum = 0, outside = 0;
      for (std::size_t k = 0; k < nz; ++k) {
        for (std::size_t c2 = 0; c2 < plane; ++c2) {
          const double v = year[(p * nz + k) * plane + c2];
          sum += v;
          if (d.mask.unit_of_cell[c2] < 0) outside += v;
        }
      }
      const double want = inv.t(static_cast<int>(p), static_cast<int>(s));
      EXPECT_NEAR(sum, want, 1e-3 * want) << inv.pollutants[p] << " " << inv.sectors[s];
      EXPECT_EQ(outside, 0.0) << inv.pollutants[p] << " " << inv.sectors[s];
      if (want > 0) worst = std::max(worst, std::abs(sum - want) / want);
    }
  }
  std::printf("largest relative difference, gridded year vs inventory: %.1e\n", worst);
}

}  // namespace
}  // namespace kctm
