#pragma once
// CF time coordinates in the NetCDF files kctm reads (boundary profiles, user inventories).
#include <netcdf>
#include <string>
#include <vector>

#include "base/civil_time.hpp"

namespace kctm {

/// Reads CF time units ("hours since 2019-01-01 00:00:00", with an optional zone such as "+08:00";
/// UTC otherwise) into the length of one unit [s] and the origin; false when they are not.
bool parse_cf_time_units(const std::string& units, double& seconds_per_unit, UnixSeconds& origin);

/// The `time` coordinate of an open file as UTC seconds: a `time` dimension and variable with CF
/// units, at least one record, strictly increasing. Errors name `path`, the variable and index.
std::vector<UnixSeconds> read_cf_times(const netCDF::NcFile& nc, const std::string& path);

}  // namespace kctm
