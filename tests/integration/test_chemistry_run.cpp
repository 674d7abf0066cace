// The chemistry in full 3-D runs: stable at the transport step, nitrogen and sulfur budgets closed
// over transport, boundaries and chemistry, no negative concentration, and a plausible summer day.
#include <gtest/gtest.h>
#include <netcdf.h>

#include <algorithm>
#include <cstdio>
#include <vector>

#include "model/config.hpp"
#include "model/driver.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

/// Every value of a variable (all records, layers and cells) of a finished output file.
std::vector<float> read_variable(const std::string& path, const char* name) {
  int nc = 0, var = 0, ndims = 0;
  EXPECT_EQ(nc_open(path.c_str(), NC_NOWRITE, &nc), NC_NOERR);
  EXPECT_EQ(nc_inq_varid(nc, name, &var), NC_NOERR) << name;
  int dims[NC_MAX_VAR_DIMS];
  nc_inq_var(nc, var, nullptr, nullptr, &ndims, dims, nullptr);
  std::size_t n = 1;
  for (int d = 0; d < ndims; ++d) {
    std::size_t len = 0;
    nc_inq_dimlen(nc, dims[d], &len);
    n *= len;
  }
  std::vector<float> v(n);
  nc_get_var_float(nc, var, v.data());
  nc_close(nc);
  return v;
}

TEST(ChemistryRun, SummerDayAt9kmIsStableClosedAndPositive) {
  const std::string dir = test::temp_dir("chemistry-run");
  Config c;
  for (const std::string& s : std::vector<std::string>{
           "grid.dx_km=9", "time.hours=12", "time.start=2019-07-15T06:00:00+08:00",
           "output.dir=" + dir, "log.progress_interval_s=1000"}) {
    c.set(s);
  }
  const RunResult r = run_simulation(read_run_config(c));
  std::printf(
      "nitrogen imbalance %.1e, sulfur %.1e; %ld rejected, %ld clipped; chemistry %.1f s "
      "of %.1f s\n",
      r.nitrogen.relative_imbalance(), r.sulfur.relative_imbalance(), r.chemistry.rejected,
      r.chemistry.clipped, r.chemistry_wall_s, r.chemistry_wall_s + r.transport_wall_s);
  EXPECT_EQ(r.chemistry.failed_cells, 0);
  EXPECT_LT(std::abs(r.nitrogen.relative_imbalance()), 1e-12);
  EXPECT_LT(std::abs(r.sulfur.relative_imbalance()), 1e-12);
  ASSERT_EQ(r.files.size(), 1u);
  for (const char* name : {"O3", "NO2", "SO2", "PM25", "SULF", "NIT", "SOA"}) {
    const std::vector<float> v = read_variable(r.files[0], name);
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    std::printf("%-5s min %9.3f max %9.3f ug m-3\n", name, *lo, *hi);
    EXPECT_GE(*lo, 0.0f) << name;
  }
  // Ozone made in the afternoon: above the 40 ppb (~80 ug m-3) background somewhere, and not
  // absurd.
  const std::vector<float> o3 = read_variable(r.files[0], "O3");
  const float o3_max = *std::max_element(o3.begin(), o3.end());
  EXPECT_GT(o3_max, 85.0f);
  EXPECT_LT(o3_max, 500.0f);
}

}  // namespace
}  // namespace kctm
