#include <gtest/gtest.h>

#include <filesystem>
#include <netcdf>

#include "io/conc_writer.hpp"
#include "small_domain.hpp"
#include "test_support.hpp"

namespace kctm {

namespace {
using test::SmallDomain;

std::vector<float> ramp(std::size_t n, float offset) {
  std::vector<float> v(n);
  for (std::size_t i = 0; i < n; ++i) v[i] = offset + 0.25f * static_cast<float>(i);
  return v;
}

std::string text_att(const netCDF::NcVar& v, const std::string& name) {
  std::string s;
  v.getAtt(name).getValues(s);
  return s;
}
}  // namespace

TEST(ConcOutput, RoundTripSplitsDaysInTheFileZone) {
  const SmallDomain d;
  const std::string dir = test::temp_dir("conc-roundtrip");
  UnixSeconds t0 = 0;
  ASSERT_TRUE(parse_iso8601("2019-01-01T22:00:00+08:00", t0));
  const std::size_t n = static_cast<std::size_t>(d.grid.nz()) * d.sub.ny * d.sub.nx;
  ConcWriter w({dir, 1, 8 * 3600, t0, "time:\n  hours: 3\n", "kctm_conc", {}, "test"}, d.grid,
               d.sub, d.geometry, d.mask,
               {{"TRACER", "passive tracer", "ug m-3"}, {"O3", "ozone", "ppb"}});
  for (int h = 1; h <= 3; ++h) w.write(t0 + 3600 * h, {ramp(n, h), ramp(n, 100.0f * h)});
  const std::vector<std::string> files = w.finish();
  ASSERT_EQ(files.size(), 2u);
  EXPECT_EQ(std::filesystem::path(files[0]).filename(), "kctm_conc_20190101.nc");  // 23:00 local
  EXPECT_EQ(std::filesystem::path(files[1]).filename(), "kctm_conc_20190102.nc");  // 00:00, 01:00

  netCDF::NcFile nc(files[1], netCDF::NcFile::read);
  EXPECT_EQ(nc.getDim("time").getSize(), 2u);
  std::string conventions;
  nc.getAtt("Conventions").getValues(conventions);
  EXPECT_EQ(conventions, "CF-1.8");
  std::string config;
  nc.getAtt("kctm_config").getValues(config);
  EXPECT_NE(config.find("hours: 3"), std::string::npos);
  double hours[2];
  nc.getVar("time").getVar(hours);
  EXPECT_DOUBLE_EQ(hours[0], 2.0);
  EXPECT_DOUBLE_EQ(hours[1], 3.0);
  EXPECT_EQ(text_att(nc.getVar("time"), "units"), "hours since 2019-01-01 14:00:00");
  std::vector<float> back(2 * n);
  nc.getVar("O3").getVar(back.data());
  const std::vector<float> expect2 = ramp(n, 200.0f), expect3 = ramp(n, 300.0f);
  for (std::size_t i = 0; i < n; ++i) {
    ASSERT_EQ(back[i], expect2[i]);
    ASSERT_EQ(back[n + i], expect3[i]);
  }
  for (const auto& [name, var] : nc.getVars()) {
    if (name == "crs") continue;  // the grid-mapping container has no units in CF
    EXPECT_FALSE(var.getAtt("units").isNull()) << name << " has no units";
  }
  EXPECT_EQ(text_att(nc.getVar("O3"), "grid_mapping"), "crs");
  EXPECT_EQ(text_att(nc.getVar("crs"), "grid_mapping_name"), "lambert_conformal_conic");
  EXPECT_EQ(text_att(nc.getVar("lat"), "units"), "degrees_north");
  EXPECT_EQ(nc.getVar("lat").getDimCount(), 2);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    EXPECT_EQ(entry.path().extension(), ".nc") << "no temporary files remain";
  }
}

TEST(ConcOutput, AnUnfinishedFileLeavesNothingBehind) {
  const SmallDomain d;
  const std::string dir = test::temp_dir("conc-unfinished");
  const std::size_t n = static_cast<std::size_t>(d.grid.nz()) * d.sub.ny * d.sub.nx;
  {
    ConcWriter w({dir, 0, 0, 0, "", "kctm_conc", {}, "test"}, d.grid, d.sub, d.geometry, d.mask,
                 {{"TRACER", "t", "ug m-3"}});
    w.write(3600, {ramp(n, 0)});
    EXPECT_TRUE(std::filesystem::exists(dir + "/kctm_conc_19700101.nc.partial"));
  }  // destroyed without finish(), as when a run fails
  EXPECT_TRUE(std::filesystem::is_empty(dir));
}

TEST(ConcOutput, TheLowestLayersOnlyAndNoRestartThatWouldChangeThem) {
  const SmallDomain d;
  ASSERT_EQ(d.grid.nz(), 2);
  const std::string dir = test::temp_dir("conc-layers"), dir2 = test::temp_dir("conc-layers-2");
  const std::size_t n = static_cast<std::size_t>(d.sub.ny) * d.sub.nx;
  ConcWriter w({dir, 1, 0, 0, "", "kctm_conc", {}, "test", "", 1}, d.grid, d.sub, d.geometry,
               d.mask, {{"O3", "ozone", "ppb"}});
  w.write(3600, {ramp(n, 1)});
  Checkpoint c;
  w.save_to(c, dir, "restart.");
  {
    netCDF::NcFile nc(dir + "/restart.kctm_conc_19700101.nc", netCDF::NcFile::read);
    ASSERT_EQ(nc.getDim("lev").getSize(), 1u);
    double lev = 0, bounds[2];
    nc.getVar("lev").getVar(&lev);
    nc.getVar("lev_bnds").getVar(bounds);
    EXPECT_EQ(lev, d.grid.levels().mid_m(0));
    EXPECT_EQ(bounds[1], d.grid.levels().interface_m(1));
    std::vector<float> back(n);
    nc.getVar("O3").getVar(back.data());
    EXPECT_EQ(back, ramp(n, 1));
  }
  // A restart that writes both layers into the one-layer day file is refused; the failed run
  // leaves nothing behind.
  {
    ConcWriter both({dir2, 1, 0, 0, "", "kctm_conc", {}, "test", "", 0}, d.grid, d.sub, d.geometry,
                    d.mask, {{"O3", "ozone", "ppb"}});
    try {
      both.restore_from(c, dir + "/kctm_restart.h5");
      FAIL() << "a restart with other layers was accepted";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("holds 1 layers, this run writes 2"), std::string::npos)
          << e.what();
    }
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir2));
}

}  // namespace kctm
