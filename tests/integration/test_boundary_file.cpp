// Time-varying boundary profiles from NetCDF: read, interpolated, carried in, and refused when bad.
#include <gtest/gtest.h>

#include <netcdf>

#include "base/error.hpp"
#include "config/config.hpp"
#include "io/boundary_file.hpp"
#include "io/netcdf_time.hpp"
#include "run/driver.hpp"
#include "test_support.hpp"

namespace kctm {

namespace {
// A file with `records` profiles 6 h apart from the run's start (2019-01-01 00:00 Beijing time).
std::string write_boundary(const std::string& dir, const std::string& var, int nz, int records,
                           const std::string& units = "ug kg-1") {
  const std::string path = dir + "/bc.nc";
  netCDF::NcFile nc(path, netCDF::NcFile::replace, netCDF::NcFile::nc4);
  const auto t = nc.addDim("time", records), lev = nc.addDim("lev", nz);
  auto time = nc.addVar("time", netCDF::ncDouble, t);
  time.putAtt("units", "hours since 2019-01-01 00:00:00 +08:00");
  auto v = nc.addVar(var, netCDF::ncDouble, {t, lev});
  v.putAtt("units", units);
  std::vector<double> hours, values;
  for (int r = 0; r < records; ++r) {
    hours.push_back(6.0 * r);
    for (int k = 0; k < nz; ++k) values.push_back(r % 2 ? 20.0 : 10.0 + k);
  }
  time.putVar(hours.data());
  v.putVar(values.data());
  return path;
}

Config small_run(const std::string& dir, const std::string& bc) {
  return test::config_with(
      {"grid.dx_km=9", "grid.buffer_km=20", "grid.levels_m=[0, 50, 150, 400, 1000, 2500, 6000]",
       "grid.mask.counties_file=\"\"", "tracer.emission_kg_s=0",
       "meteo.placeholder.wind_speed_m_s=12", "output.dir=" + dir, "boundary.file=" + bc});
}

}  // namespace

TEST(BoundaryFile, ProfilesAreInterpolatedInTime) {
  const std::string dir = test::temp_dir("bc-interp");
  const BoundaryFile bf(write_boundary(dir, "TRACER", 3, 3), {{"TRACER", "ug kg-1", 1e-9}}, 3);
  UnixSeconds t0 = 0;
  ASSERT_TRUE(parse_iso8601("2019-01-01T03:00:00+08:00", t0));
  const std::vector<double> mid = bf.at(t0);  // halfway between 10 + k and 20
  EXPECT_NEAR(mid[0], 15e-9, 1e-20);
  EXPECT_NEAR(mid[2], 16e-9, 1e-20);
  EXPECT_NEAR(bf.at(t0 + 3 * 3600)[1], 20e-9, 1e-20);
  EXPECT_NE(test::error_of([&] { bf.at(t0 + 12 * 3600); }).find("no boundary values"),
            std::string::npos);
}

TEST(BoundaryFile, InflowFromTheFileClosesTheBudget) {
  const std::string dir = test::temp_dir("bc-run");
  Config c = small_run(dir, write_boundary(dir, "TRACER", 6, 3));
  c.set("time.hours=6");
  const RunResult r = run_simulation(read_run_config(c));
  EXPECT_GT(r.tracer.inflow_kg, 0.0);
  EXPECT_LT(std::abs(r.tracer.relative_imbalance()), 1e-10);
}

TEST(BoundaryFile, ChemistrySpeciesInTheFileReplaceTheBackgroundInflow) {
  // A file with O3 at 80 ppb (twice the background) next to the tracer: the surface O3 that the
  // 12 m/s wind brings in rises; without O3 in the file it stays near the background (no
  // emissions: the same chemistry in both runs, only the inflow differs).
  const std::string dir = test::temp_dir("bc-o3");
  const std::string bc = write_boundary(dir, "TRACER", 6, 3);
  {
    netCDF::NcFile nc(bc, netCDF::NcFile::write);
    auto o3 = nc.addVar("O3", netCDF::ncDouble, {nc.getDim("time"), nc.getDim("lev")});
    o3.putAtt("units", "ppb");
    const std::vector<double> ppb(3 * 6, 80.0);
    o3.putVar(ppb.data());
  }
  auto mean_o3 = [&](const std::string& file, const std::string& out) {
    Config c = small_run(out, file);
    for (const char* s : {"time.hours=6", "emissions.enabled=false"}) c.set(s);
    const RunResult r = run_simulation(read_run_config(c));
    EXPECT_LT(r.tag_closure, 1e-12);  // the file's inflow enters the boundary source's tags
    netCDF::NcFile nc(r.files.front(), netCDF::NcFile::read);
    const netCDF::NcVar v = nc.getVar("O3");
    std::vector<float> x(v.getDim(0).getSize() * v.getDim(1).getSize() * v.getDim(2).getSize() *
                         v.getDim(3).getSize());
    v.getVar(x.data());
    double sum = 0;
    for (float f : x) sum += f;
    return sum / x.size();
  };
  const double with_o3 = mean_o3(bc, dir + "/with");
  const double background = mean_o3(write_boundary(dir, "TRACER", 6, 3), dir + "/without");
  std::printf("mean O3 after 6 h: %.1f ug m-3 with 80 ppb inflow, %.1f with the background\n",
              with_o3, background);
  EXPECT_GT(with_o3, 1.2 * background);
}

TEST(BoundaryFile, BadFilesAreRefusedWithTheirName) {
  const std::string dir = test::temp_dir("bc-bad");
  auto run_error = [&](const std::string& bc, int hours) {
    Config c = small_run(dir, bc);
    c.set("time.hours=" + std::to_string(hours));
    return test::error_of([&] { run_simulation(read_run_config(c)); });
  };
  EXPECT_NE(run_error(write_boundary(dir, "OTHER", 6, 3), 6).find("no variable 'TRACER'"),
            std::string::npos);
  EXPECT_NE(run_error(write_boundary(dir, "TRACER", 4, 3), 6).find("has 4 levels"),
            std::string::npos);
  EXPECT_NE(run_error(write_boundary(dir, "TRACER", 6, 3, "ppb"), 6).find("units 'ppb'"),
            std::string::npos);
  EXPECT_NE(run_error(write_boundary(dir, "TRACER", 6, 2), 12).find("no boundary values"),
            std::string::npos);
  Config missing;
  missing.set("boundary.file=" + dir + "/absent.nc");
  EXPECT_NE(test::error_of([&] { read_run_config(missing); }).find("file not found"),
            std::string::npos);
}

TEST(BoundaryFile, CfTimeUnits) {
  double per = 0;
  UnixSeconds origin = 0, expect = 0;
  ASSERT_TRUE(parse_cf_time_units("hours since 2019-01-01 00:00:00", per, origin));
  ASSERT_TRUE(parse_iso8601("2019-01-01T00:00:00Z", expect));
  EXPECT_EQ(per, 3600);
  EXPECT_EQ(origin, expect);
  ASSERT_TRUE(parse_cf_time_units("days since 2019-01-01T08:00 +08:00", per, origin));
  EXPECT_EQ(per, 86400);
  EXPECT_EQ(origin, expect);
  EXPECT_FALSE(parse_cf_time_units("fortnights since 2019-01-01", per, origin));
  EXPECT_FALSE(parse_cf_time_units("hours after 2019-01-01", per, origin));
}

}  // namespace kctm
