// A user's gridded inventory on a longitude-latitude grid, regridded onto the kctm grid: its mass
// inside the domain is kept to round-off (acceptance: 1e-10), records are chosen by time, and bad
// files are refused with their name, the variable and the index.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <netcdf>

#include "config/config.hpp"
#include "emissions/speciation.hpp"
#include "io/user_inventory.hpp"
#include "run/driver.hpp"
#include "state/domain.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

struct Layout {
  double lon0 = 112.0, lat0 = 26.4, step = 0.1;
  int nx = 10, ny = 8;
  bool uneven_lat = false, nan = false;
  std::string units = "kg s-1";
};

double rate(int r, int s, int y, int x) {
  return 1e-3 * (1 + r) * (1 + s) * (1 + ((7 * x + 3 * y) % 5));
}

std::string write_inventory(const std::string& path, const Layout& l) {
  using namespace netCDF;
  NcFile nc(path, NcFile::replace, NcFile::nc4);
  const NcDim t = nc.addDim("time", 2), s = nc.addDim("sector", 2), y = nc.addDim("y", l.ny),
              x = nc.addDim("x", l.nx);
  nc.putAtt("sectors", "power industry");
  NcVar time = nc.addVar("time", ncDouble, t);
  time.putAtt("units", "hours since 2019-01-01 00:00:00 +08:00");
  const double hours[2] = {0, 744};  // January, then February
  time.putVar(hours);
  std::vector<double> lon(l.nx), lat(l.ny);
  for (int i = 0; i < l.nx; ++i) lon[i] = l.lon0 + l.step * i;
  for (int j = 0; j < l.ny; ++j) lat[j] = l.lat0 + l.step * j + (l.uneven_lat && j == 5 ? 0.03 : 0);
  nc.addVar("lon", ncDouble, x).putVar(lon.data());
  nc.addVar("lat", ncDouble, y).putVar(lat.data());
  for (const char* name : {"NOx", "SO2"}) {
    NcVar v = nc.addVar(name, ncDouble, {t, s, y, x});
    v.putAtt("units", l.units);
    std::vector<double> values;
    for (int r = 0; r < 2; ++r)
      for (int sec = 0; sec < 2; ++sec)
        for (int j = 0; j < l.ny; ++j)
          for (int i = 0; i < l.nx; ++i) values.push_back(rate(r, sec, j, i));
    if (l.nan) values[(1 * 2 + 1) * l.ny * l.nx + 3 * l.nx + 4] = std::nan("");
    v.putVar(values.data());
  }
  return path;
}

Domain domain_at(int dx_km) {
  Config c;
  c.set("grid.dx_km=" + std::to_string(dx_km));
  c.set("grid.mask.counties_file=\"\"");
  return build_domain(read_run_config(c), 0);
}

UnixSeconds beijing(const char* text) {
  UnixSeconds t = 0;
  EXPECT_TRUE(parse_iso8601(text, t));
  return t;
}

TEST(UserInventory, RegriddingKeepsTheMass) {
  const std::string dir = test::temp_dir("user-inventory");
  const Domain d = domain_at(9);
  const UserInventory inv(write_inventory(dir + "/inside.nc", {}), d.grid, d.sub);
  EXPECT_EQ(inv.sectors(), (std::vector<std::string>{"power", "industry"}));
  EXPECT_EQ(inv.pollutants(), (std::vector<std::string>{"NOx", "SO2"}));
  double worst = 0;
  for (const char* when : {"2019-01-15T12:00:00+08:00", "2019-02-10T00:00:00+08:00"}) {
    for (int s = 0; s < 2; ++s) {
      const std::vector<double> g = inv.regridded("NOx", s, beijing(when));
      double sum = 0;
      for (double v : g) sum += v;
      const double source = inv.source_total("NOx", s, beijing(when), false);
      worst = std::max(worst, std::abs(sum - source) / source);
    }
  }
  std::printf("0.1 deg inventory inside the domain, regridded to 9 km: mass kept to %.1e\n", worst);
  EXPECT_LT(worst, 1e-10);
  // Records by time: February's rates are twice January's.
  EXPECT_NEAR(inv.source_total("SO2", 0, beijing("2019-02-10T00:00:00+08:00"), false),
              2 * inv.source_total("SO2", 0, beijing("2019-01-10T00:00:00+08:00"), false), 1e-12);
  EXPECT_NE(test::error_of([&] {
              inv.regridded("SO2", 0, beijing("2019-04-01T00:00:00+08:00"));
            }).find("no record at"),
            std::string::npos);
}

TEST(UserInventory, PartlyOutsideTheDomainKeepsWhatFallsInside) {
  const std::string dir = test::temp_dir("user-inventory-edge");
  const Domain d = domain_at(9);
  Layout l;
  l.lon0 = 109.5;  // the western cells lie outside the domain
  l.nx = 40;
  const UserInventory inv(write_inventory(dir + "/edge.nc", l), d.grid, d.sub);
  const UnixSeconds t = beijing("2019-01-15T12:00:00+08:00");
  double sum = 0;
  for (double v : inv.regridded("NOx", 1, t)) sum += v;
  const double all = inv.source_total("NOx", 1, t, false),
               inside = inv.source_total("NOx", 1, t, true);
  EXPECT_LT(inside, 0.9 * all);
  EXPECT_NEAR(sum, inside, 1e-12 * inside);
}

TEST(UserInventory, ARunEmitsTheUsersInventory) {
  const std::string dir = test::temp_dir("user-inventory-run");
  const std::string file = write_inventory(dir + "/inv.nc", {});
  Config c;
  for (const std::string& s :
       {std::string("grid.dx_km=9"), std::string("time.hours=2"), "output.dir=" + dir + "/out",
        "emissions.user_file=" + file, std::string("time.start=2019-01-20T00:00:00+08:00"),
        std::string("chemistry.enabled=false")}) {
    c.set(s);
  }
  const RunConfig rc = read_run_config(c);
  const RunResult r = run_simulation(rc);
  const Domain d = build_domain(rc, 0);
  const UserInventory inv(file, d.grid, d.sub);
  auto two_hours_kg = [&](const char* pollutant) {
    return 7200 * (inv.source_total(pollutant, 0, rc.start, true) +
                   inv.source_total(pollutant, 1, rc.start, true));
  };
  const double nox_kg = two_hours_kg("NOx"), so2_kg = two_hours_kg("SO2");
  // The file's NOx (as NO2) goes to NO, NO2 and HONO by the inventory-weighted profile: counted
  // as NO2, they are the file's NOx.
  double nox_as_no2_kg = 0;
  for (const auto& [name, b] : r.species) {
    if (name == "NO" || name == "NO2" || name == "HONO") {
      nox_as_no2_kg += b.emitted_kg * pollutant_mass_per_species_mass("NOx", name);
    }
    if (name == "SO2") EXPECT_NEAR(b.emitted_kg, so2_kg, 1e-10 * so2_kg);
    if (name == "CO") EXPECT_EQ(b.emitted_kg, 0.0);  // not in the file
    EXPECT_LT(std::abs(b.relative_imbalance()), 1e-10) << name;
  }
  EXPECT_NEAR(nox_as_no2_kg, nox_kg, 1e-10 * nox_kg);
  c.set("time.start=2019-03-20T00:00:00+08:00");  // after the file's last record
  c.set("output.dir=" + dir + "/late");
  EXPECT_NE(test::error_of([&] { run_simulation(read_run_config(c)); }).find("no record at"),
            std::string::npos);
}

TEST(UserInventory, BadFilesAreRefusedWithTheirName) {
  const std::string dir = test::temp_dir("user-inventory-bad");
  const Domain d = domain_at(27);
  auto error = [&](const Layout& l, const char* name) {
    const std::string path = write_inventory(dir + "/" + name, l);
    return test::error_of([&] {
      const UserInventory inv(path, d.grid, d.sub);
      inv.regridded("NOx", 1, beijing("2019-02-10T00:00:00+08:00"));
    });
  };
  Layout uneven;
  uneven.uneven_lat = true;
  EXPECT_NE(error(uneven, "uneven.nc").find("uneven.nc:lat[5]: not evenly spaced"),
            std::string::npos);
  Layout units;
  units.units = "t";
  EXPECT_NE(error(units, "units.nc").find("units.nc:NOx: units 't'"), std::string::npos);
  Layout nan;
  nan.nan = true;
  EXPECT_NE(error(nan, "nan.nc").find("nan.nc:NOx[1,1,3,4]: is not a number"), std::string::npos);
  EXPECT_NE(test::error_of([&] {
              UserInventory("/nonexistent/inv.nc", d.grid, d.sub);
            }).find("/nonexistent/inv.nc"),
            std::string::npos);
}

}  // namespace
}  // namespace kctm
