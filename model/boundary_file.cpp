#include "model/boundary_file.hpp"

#include <cmath>
#include <netcdf>
#include <sstream>

#include "base/error.hpp"

namespace kctm {

bool parse_cf_time_units(const std::string& units, double& seconds_per_unit, UnixSeconds& origin) {
  std::istringstream in(units);
  std::string unit, since, date, clock = "00:00:00", zone = "Z";
  if (!(in >> unit >> since >> date) || since != "since") return false;
  if (unit == "seconds" || unit == "second" || unit == "s") {
    seconds_per_unit = 1;
  } else if (unit == "minutes" || unit == "minute") {
    seconds_per_unit = 60;
  } else if (unit == "hours" || unit == "hour" || unit == "h") {
    seconds_per_unit = 3600;
  } else if (unit == "days" || unit == "day") {
    seconds_per_unit = 86400;
  } else {
    return false;
  }
  const auto t = date.find('T');
  if (t != std::string::npos) {
    clock = date.substr(t + 1);
    date = date.substr(0, t);
  } else {
    in >> clock;
  }
  std::string rest;
  if (in >> rest) zone = rest == "UTC" ? "Z" : rest;
  if (clock.size() == 5) clock += ":00";
  return parse_iso8601(date + "T" + clock + zone, origin);
}

BoundaryFile::BoundaryFile(const std::string& path, const std::vector<BoundarySpecies>& species,
                           int nz)
    : path_(path), n_species_(static_cast<int>(species.size())), nz_(nz) {
  using namespace netCDF;
  try {
    NcFile nc(path, NcFile::read);
    const NcDim time_dim = nc.getDim("time"), lev_dim = nc.getDim("lev");
    if (time_dim.isNull()) throw Error(path, "no 'time' dimension");
    if (lev_dim.isNull()) throw Error(path, "no 'lev' dimension");
    if (static_cast<int>(lev_dim.getSize()) != nz) {
      throw Error(path + ":lev", "has " + std::to_string(lev_dim.getSize()) + " levels",
                  "the model has " + std::to_string(nz));
    }
    const std::size_t nt = time_dim.getSize();
    if (nt == 0) throw Error(path + ":time", "no records");
    const NcVar time = nc.getVar("time");
    if (time.isNull()) throw Error(path, "no 'time' variable");
    std::string units;
    if (time.getAtt("units").isNull()) throw Error(path + ":time", "no units attribute");
    time.getAtt("units").getValues(units);
    double per_unit = 0;
    UnixSeconds origin = 0;
    if (!parse_cf_time_units(units, per_unit, origin)) {
      throw Error(path + ":time", "units '" + units + "' are not CF time units",
                  "e.g. \"hours since 2019-01-01 00:00:00\"");
    }
    std::vector<double> raw(nt);
    time.getVar(raw.data());
    for (std::size_t r = 0; r < nt; ++r) {
      times_.push_back(origin + static_cast<UnixSeconds>(std::llround(raw[r] * per_unit)));
      if (r > 0 && times_[r] <= times_[r - 1]) {
        throw Error(path + ":time[" + std::to_string(r) + "]", "times must increase strictly");
      }
    }
    values_.assign(nt * n_species_ * nz, 0.0);
    for (int s = 0; s < n_species_; ++s) {
      const BoundarySpecies& sp = species[s];
      const NcVar v = nc.getVar(sp.name);
      const std::string where = path + ":" + sp.name;
      if (v.isNull())
        throw Error(path, "no variable '" + sp.name + "'", "one per species the run carries");
      if (v.getDimCount() != 2 || v.getDim(0).getName() != "time" ||
          v.getDim(1).getName() != "lev") {
        throw Error(where, "wrong dimensions", "expected (time, lev)");
      }
      std::string var_units;
      if (!v.getAtt("units").isNull()) v.getAtt("units").getValues(var_units);
      if (var_units != sp.units) {
        throw Error(where, "units '" + var_units + "'", "expected '" + sp.units + "'");
      }
      std::vector<double> data(nt * nz);
      v.getVar(data.data());
      for (std::size_t r = 0; r < nt; ++r) {
        for (int k = 0; k < nz; ++k) {
          const double x = data[r * nz + k];
          if (!std::isfinite(x) || x < 0) {
            throw Error(where + "[" + std::to_string(r) + "," + std::to_string(k) + "]",
                        "not a finite non-negative value");
          }
          values_[(r * n_species_ + s) * nz + k] = x * sp.to_model;
        }
      }
    }
  } catch (const exceptions::NcException& e) {
    throw Error(path, std::string("cannot read the boundary file: ") + e.what());
  }
}

std::vector<double> BoundaryFile::at(UnixSeconds t) const {
  if (t < times_.front() || t > times_.back()) {
    throw Error(path_, "no boundary values for " + format_iso8601(t),
                "the file covers " + format_iso8601(times_.front()) + " to " +
                    format_iso8601(times_.back()));
  }
  std::size_t r = 0;
  while (r + 1 < times_.size() && times_[r + 1] < t) ++r;
  const std::size_t r1 = std::min(r + 1, times_.size() - 1);
  const double w =
      r1 == r ? 0.0
              : static_cast<double>(t - times_[r]) / static_cast<double>(times_[r1] - times_[r]);
  const std::size_t n = static_cast<std::size_t>(n_species_) * nz_;
  std::vector<double> out(n);
  for (std::size_t c = 0; c < n; ++c)
    out[c] = (1 - w) * values_[r * n + c] + w * values_[r1 * n + c];
  return out;
}

}  // namespace kctm
