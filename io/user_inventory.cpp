#include "io/user_inventory.hpp"

#include <cmath>
#include <map>
#include <netcdf>
#include <sstream>

#include "base/error.hpp"
#include "io/netcdf_time.hpp"

namespace kctm {

namespace {

std::vector<double> coordinate(const netCDF::NcFile& nc, const std::string& path,
                               const std::string& name, const std::string& dim) {
  const netCDF::NcVar v = nc.getVar(name);
  if (v.isNull()) throw Error(path, "no variable '" + name + "'", "cell centres along " + dim);
  if (v.getDimCount() != 1 || v.getDim(0).getName() != dim) {
    throw Error(path + ":" + name, "must have the one dimension '" + dim + "'");
  }
  std::vector<double> c(v.getDim(0).getSize());
  if (c.size() < 2) throw Error(path + ":" + name, "needs at least two cells");
  v.getVar(c.data());
  const double step = c[1] - c[0];
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (!std::isfinite(c[i]))
      throw Error(path + ":" + name + "[" + std::to_string(i) + "]", "is not finite");
    if (i > 0 && std::abs(c[i] - c[i - 1] - step) > 1e-6 * std::abs(step)) {
      throw Error(path + ":" + name + "[" + std::to_string(i) + "]", "not evenly spaced",
                  "a regular longitude-latitude grid");
    }
  }
  if (step <= 0) throw Error(path + ":" + name, "must increase");
  return c;
}

}  // namespace

UserInventory::UserInventory(const std::string& path, const GlobalGrid& grid, const Subdomain& sub)
    : path_(path), nx_(sub.nx), ny_(sub.ny) {
  using namespace netCDF;
  std::vector<double> lon, lat;
  try {
    NcFile nc(path, NcFile::read);
    times_ = read_cf_times(nc, path);
    for (const char* d : {"sector", "y", "x"}) {
      if (nc.getDim(d).isNull()) throw Error(path, std::string("no '") + d + "' dimension");
    }
    lon = coordinate(nc, path, "lon", "x");
    lat = coordinate(nc, path, "lat", "y");
    nx_src_ = static_cast<int>(lon.size());
    ny_src_ = static_cast<int>(lat.size());
    const NcGroupAtt sectors = nc.getAtt("sectors");
    if (sectors.isNull()) throw Error(path, "no global attribute 'sectors'", "the sector names");
    std::string names;
    sectors.getValues(names);
    std::istringstream in(names);
    for (std::string s; in >> s;) sectors_.push_back(s);
    if (sectors_.size() != nc.getDim("sector").getSize()) {
      throw Error(path, "the 'sectors' attribute names " + std::to_string(sectors_.size()) +
                            " sectors, the 'sector' dimension has " +
                            std::to_string(nc.getDim("sector").getSize()));
    }
    const std::vector<std::string> dims = {"time", "sector", "y", "x"};
    for (const auto& [name, var] : nc.getVars()) {
      if (var.getDimCount() != 4) continue;
      for (int d = 0; d < 4; ++d) {
        if (var.getDim(d).getName() != dims[d]) {
          throw Error(path + ":" + name, "dimensions must be (time, sector, y, x)");
        }
      }
      std::string units;
      if (!var.getAtt("units").isNull()) var.getAtt("units").getValues(units);
      if (units != "kg s-1") {
        throw Error(path + ":" + name, "units '" + units + "'", "\"kg s-1\" per cell");
      }
      pollutants_.push_back(name);
    }
    if (pollutants_.empty()) throw Error(path, "no emission variable (time, sector, y, x)");
  } catch (const exceptions::NcException& e) {
    throw Error(path, std::string("cannot read the inventory: ") + e.what());
  }

  // Where each source cell's parts land.
  const double dlon = lon[1] - lon[0], dlat = lat[1] - lat[0];
  targets_.resize(static_cast<std::size_t>(nx_src_) * ny_src_);
  for (int y = 0; y < ny_src_; ++y) {
    for (int x = 0; x < nx_src_; ++x) {
      std::map<int, double> shares;
      for (int a = 0; a < kSplit; ++a) {
        for (int b = 0; b < kSplit; ++b) {
          const LonLat ll{lon[x] + dlon * ((b + 0.5) / kSplit - 0.5),
                          lat[y] + dlat * ((a + 0.5) / kSplit - 0.5)};
          int gi, gj;
          if (!grid.locate(ll, gi, gj)) continue;
          const int i = gi - sub.i0, j = gj - sub.j0;
          if (i < 0 || i >= nx_ || j < 0 || j >= ny_) continue;
          shares[j * nx_ + i] += 1.0 / (kSplit * kSplit);
        }
      }
      targets_[static_cast<std::size_t>(y) * nx_src_ + x].assign(shares.begin(), shares.end());
    }
  }
}

std::vector<double> UserInventory::record(const std::string& pollutant, int sector,
                                          UnixSeconds t) const {
  if (t < times_.front())
    throw Error(path_, "no record at " + format_iso8601(t),
                "records start at " + format_iso8601(times_.front()));
  std::size_t r = 0;
  while (r + 1 < times_.size() && times_[r + 1] <= t) ++r;
  const UnixSeconds end = r + 1 < times_.size() ? times_[r + 1]
                          : times_.size() > 1   ? times_[r] + (times_[r] - times_[r - 1])
                                                : times_[r] + 1;
  if (t >= end)
    throw Error(path_, "no record at " + format_iso8601(t),
                "records end at " + format_iso8601(end));
  using namespace netCDF;
  NcFile nc(path_, NcFile::read);
  const NcVar v = nc.getVar(pollutant);
  if (v.isNull()) throw Error(path_, "no variable '" + pollutant + "'");
  if (sector < 0 || sector >= static_cast<int>(sectors_.size()))
    throw Error(path_, "no sector " + std::to_string(sector));
  std::vector<double> values(static_cast<std::size_t>(nx_src_) * ny_src_);
  v.getVar({r, static_cast<std::size_t>(sector), 0, 0},
           {1, 1, static_cast<std::size_t>(ny_src_), static_cast<std::size_t>(nx_src_)},
           values.data());
  for (std::size_t c = 0; c < values.size(); ++c) {
    if (!std::isfinite(values[c]) || values[c] < 0) {
      throw Error(path_ + ":" + pollutant + "[" + std::to_string(r) + "," + std::to_string(sector) +
                      "," + std::to_string(c / nx_src_) + "," + std::to_string(c % nx_src_) + "]",
                  std::isfinite(values[c]) ? "is negative" : "is not a number");
    }
  }
  return values;
}

std::vector<double> UserInventory::regridded(const std::string& pollutant, int sector,
                                             UnixSeconds t) const {
  const std::vector<double> src = record(pollutant, sector, t);
  std::vector<double> out(static_cast<std::size_t>(nx_) * ny_, 0.0);
  for (std::size_t c = 0; c < src.size(); ++c) {
    for (const auto& [cell, share] : targets_[c]) out[cell] += src[c] * share;
  }
  return out;
}

double UserInventory::source_total(const std::string& pollutant, int sector, UnixSeconds t,
                                   bool inside_only) const {
  const std::vector<double> src = record(pollutant, sector, t);
  double sum = 0;
  for (std::size_t c = 0; c < src.size(); ++c) {
    double share = 1;
    if (inside_only) {
      share = 0;
      for (const auto& target : targets_[c]) share += target.second;
    }
    sum += src[c] * share;
  }
  return sum;
}

}  // namespace kctm
