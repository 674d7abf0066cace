#pragma once
// A gridded emission inventory a user brings (MEIC-style), regridded onto the kctm grid with its
// mass kept. File layout (NetCDF):
//   dimensions  time, sector, y, x
//   lon(x), lat(y)           cell centres [degrees_east, degrees_north], evenly spaced
//   time(time)               CF units; a record holds from its time to the next record's (the last
//                            for as long as the one before it)
//   NAME(time, sector, y, x) one variable per pollutant (the inventory's names: PM25, PM10, NOx,
//                            SO2, NH3, CO, VOC), units "kg s-1": the record's mean rate per cell
//   global attribute `sectors`: the sector names, space separated, in the order of `sector`
// Regridding: each source cell is split into kSplit × kSplit parts in longitude and latitude, and
// each part's share goes to the kctm cell under its centre. Every part lands in exactly one kctm
// cell or outside the subdomain, so the mass inside is kept to round-off; the placement is that of
// the exact cell overlap to within a kSplit-th of a source cell.
#include <string>
#include <vector>

#include "base/civil_time.hpp"
#include "grids/global_grid.hpp"
#include "grids/subdomain.hpp"

namespace kctm {

class UserInventory {
 public:
  static constexpr int kSplit = 10;

  /// Reads the layout and coordinates and builds the regridding; errors name the file and the
  /// variable (and the index of a bad value).
  UserInventory(const std::string& path, const GlobalGrid& grid, const Subdomain& sub);

  const std::vector<std::string>& pollutants() const { return pollutants_; }
  const std::vector<std::string>& sectors() const { return sectors_; }
  /// Rate of `pollutant` from `sector` in the record holding t, on the interior cells (j, i)
  /// [kg s-1 per cell].
  std::vector<double> regridded(const std::string& pollutant, int sector, UnixSeconds t) const;
  /// The same rate summed over the source cells: all of them, and the part inside the subdomain
  /// [kg s-1].
  double source_total(const std::string& pollutant, int sector, UnixSeconds t,
                      bool inside_only) const;

 private:
  std::vector<double> record(const std::string& pollutant, int sector, UnixSeconds t) const;

  std::string path_;
  std::vector<std::string> pollutants_, sectors_;
  std::vector<UnixSeconds> times_;
  int nx_src_, ny_src_, nx_, ny_;
  /// For each source cell (y, x): the kctm interior cells its parts land in, as (cell, share).
  std::vector<std::vector<std::pair<int, double>>> targets_;
};

}  // namespace kctm
