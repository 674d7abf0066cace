#pragma once
// Time-varying inflow profiles for the lateral boundaries and the model top, from a NetCDF file:
//   dimensions  time, lev (the model's layers, bottom up);
//   time(time)  CF time: "<seconds|minutes|hours|days> since YYYY-MM-DD[ HH:MM[:SS]][ ±HH:MM]" (UTC
//               unless an offset is given), strictly increasing;
//   NAME(time, lev) for the tracer ("ug kg-1", a mass mixing ratio) and, optionally, for any of the
//               chemistry's species (gases in "ppb", aerosols in "ug m-3"), with a units attribute
//               saying so; species the file lacks keep the configured background inflow.
// Profiles are interpolated linearly in time; a run outside the file's time range is refused.
#include <string>
#include <vector>

#include "base/civil_time.hpp"

namespace kctm {

struct BoundarySpecies {
  std::string name;      ///< variable name in the file
  std::string units;     ///< the units attribute it must carry
  double to_model;       ///< factor from file units to the model's mixing ratio
  bool required = true;  ///< else the file may lack it
};

class BoundaryFile {
 public:
  /// Reads and checks the whole file; throws kctm::Error naming the file, variable and index.
  BoundaryFile(const std::string& path, const std::vector<BoundarySpecies>& species, int nz);
  /// Mixing ratios (species, k), row-major, at time t [model units]; zero for absent species.
  std::vector<double> at(UnixSeconds t) const;
  /// Whether the file holds species s (always, for required ones).
  bool has(int s) const { return present_[s]; }

 private:
  std::string path_;
  int n_species_, nz_;
  std::vector<bool> present_;
  std::vector<UnixSeconds> times_;
  std::vector<double> values_;  // (time, species, k)
};

}  // namespace kctm
