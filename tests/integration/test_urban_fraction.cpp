// Where the columns are town: the city's centre is urban and the countryside is not, the urban
// area does not depend on the grid's resolution, and the meteorology's night-time Kz floor rises
// from the rural to the urban value with it.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "config/config.hpp"
#include "inputs/urban_fraction.hpp"
#include "meteo/climatology_meteo.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

/// The default domain at `dx_km`, over the county outlines when ../shared has them.
Domain domain_at(int dx_km, RunConfig* config = nullptr) {
  Config c;
  c.set("grid.dx_km=" + std::to_string(dx_km));
  const std::string outlines =
      test::shared_data("boundary-hengyang/hengyang_430400_counties.geojson");
  c.set("grid.mask.counties_file=\"" + outlines + "\"");  // "" when absent: the core box
  const RunConfig rc = read_run_config(c);
  if (config) *config = rc;
  return build_domain(rc, 0);
}

/// The interior column (j, i) holding a county-level unit's seat.
std::size_t seat_column(const Domain& d, const std::string& unit) {
  for (const CountyStats& s : hengyang_counties()) {
    int i = 0, j = 0;
    if (s.name_en == unit && d.grid.locate({s.seat_lon_deg, s.seat_lat_deg}, i, j)) {
      return static_cast<std::size_t>(j) * d.sub.nx + i;
    }
  }
  ADD_FAILURE() << unit << " not in the domain";
  return 0;
}

double urban_area_km2(const Domain& d, const std::vector<double>& f) {
  const double cell_km2 = d.grid.dx_m() * d.grid.dy_m() / 1e6;
  double area = 0;
  for (double x : f) area += x * cell_km2;
  return area;
}

TEST(UrbanFraction, TheCityIsTownTheCountrysideIsNot) {
  // Without the outlines there are no county-level units, so only the seats' cores hold people.
  if (test::shared_data("boundary-hengyang/hengyang_430400_counties.geojson").empty()) {
    GTEST_SKIP() << "../shared/data/boundary-hengyang is absent: no counties";
  }
  const Domain d3 = domain_at(3), d9 = domain_at(9);
  const std::vector<double> f3 = urban_fraction(d3, hengyang_counties()),
                            f9 = urban_fraction(d9, hengyang_counties());
  const double a3 = urban_area_km2(d3, f3), a9 = urban_area_km2(d9, f9);
  std::printf("urban area: %.0f km2 at 3 km, %.0f km2 at 9 km; city centre %.2f / %.2f\n", a3, a9,
              f3[seat_column(d3, "Yanfeng District")], f9[seat_column(d9, "Yanfeng District")]);
  EXPECT_GE(f3[seat_column(d3, "Yanfeng District")], 0.9);
  EXPECT_GE(f9[seat_column(d9, "Yanfeng District")], 0.9);
  EXPECT_EQ(f3.front(), 0.0);  // the domain's corner, in the neighbouring cities' countryside
  // Towns cover a few hundred km² of the 15 310: more than Hengyang's city proper, far less
  // than the whole.
  EXPECT_GT(a3, 100);
  EXPECT_LT(a3, 1500);
  EXPECT_NEAR(a9, a3, 0.25 * a3);
}

TEST(UrbanFraction, RaisesTheNightsKzFloorInTown) {
  RunConfig rc;
  const Domain d = domain_at(9, &rc);
  const std::vector<double> f = urban_fraction(d, hengyang_counties());
  const ClimatologyMeteo met(rc.climatology, d.grid, d.sub, f);
  UnixSeconds night = 0;
  ASSERT_TRUE(parse_iso8601("2019-07-20T02:30:00+08:00", night));
  const MeteoSnapshot m = met.at(night);
  // Above the night's stable layer only the floor mixes.
  const int k = d.grid.levels().layer_of_height(600.0);
  auto kz = [&](std::size_t column) {
    return m.kz_m2_s[static_cast<std::size_t>(k) * d.sub.ny * d.sub.nx + column];
  };
  const std::size_t town = seat_column(d, "Yanfeng District");
  EXPECT_NEAR(kz(town),
              rc.climatology.kz_min_m2_s +
                  f[town] * (rc.climatology.kz_min_urban_m2_s - rc.climatology.kz_min_m2_s),
              1e-12);
  EXPECT_EQ(kz(0), rc.climatology.kz_min_m2_s);
  EXPECT_GT(kz(town), kz(0));
}

}  // namespace
}  // namespace kctm
