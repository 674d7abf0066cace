#pragma once
// Reading output files back in tests.
#include <gtest/gtest.h>
#include <netcdf.h>

#include <string>
#include <vector>

namespace kctm::test {

/// Every value of a variable (all records, layers or sources, and cells) of a finished file.
inline std::vector<float> read_variable(const std::string& path, const char* name) {
  int nc = 0, var = 0, ndims = 0;
  EXPECT_EQ(nc_open(path.c_str(), NC_NOWRITE, &nc), NC_NOERR) << path;
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

/// The last `n` records' values of `name` in `path` (records first in the file's layout).
inline std::vector<float> last_records(const std::string& path, const char* name, int n) {
  const std::vector<float> all = read_variable(path, name);
  const std::size_t records = read_variable(path, "time").size();
  const std::size_t per_record = all.size() / records;
  return {all.end() - static_cast<std::ptrdiff_t>(n * per_record), all.end()};
}

}  // namespace kctm::test
