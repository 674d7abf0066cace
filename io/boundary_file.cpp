#include "io/boundary_file.hpp"

#include <cmath>
#include <netcdf>
#include <sstream>

#include "base/error.hpp"
#include "io/netcdf_time.hpp"

namespace kctm {

BoundaryFile::BoundaryFile(const std::string& path, const std::vector<BoundarySpecies>& species,
                           int nz)
    : path_(path), n_species_(static_cast<int>(species.size())), nz_(nz) {
  using namespace netCDF;
  try {
    NcFile nc(path, NcFile::read);
    const NcDim lev_dim = nc.getDim("lev");
    if (lev_dim.isNull()) throw Error(path, "no 'lev' dimension");
    if (static_cast<int>(lev_dim.getSize()) != nz) {
      throw Error(path + ":lev", "has " + std::to_string(lev_dim.getSize()) + " levels",
                  "the model has " + std::to_string(nz));
    }
    times_ = read_cf_times(nc, path);
    const std::size_t nt = times_.size();
    values_.assign(nt * n_species_ * nz, 0.0);
    present_.assign(n_species_, false);
    for (int s = 0; s < n_species_; ++s) {
      const BoundarySpecies& sp = species[s];
      const NcVar v = nc.getVar(sp.name);
      const std::string where = path + ":" + sp.name;
      if (v.isNull() && !sp.required) continue;
      if (v.isNull())
        throw Error(path, "no variable '" + sp.name + "'", "one per species the run carries");
      present_[s] = true;
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
