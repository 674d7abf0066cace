#pragma once
// Which interior cells of a subdomain lie in Hengyang, and in which of its county-level units.
#include <string>
#include <vector>

#include "grids/geojson_regions.hpp"
#include "grids/global_grid.hpp"
#include "grids/subdomain.hpp"

namespace kctm {

struct RegionUnit {
  std::string name;        ///< ASCII name used in output (flag_meanings, source tags)
  std::string local_name;  ///< name as given in the boundary file (may be Chinese)
  long adcode;             ///< administrative code, -1 when not known
};

struct RegionMask {
  int nx, ny;  ///< interior extent of the subdomain [cells]
  std::vector<RegionUnit> units;
  std::vector<int> unit_of_cell;      ///< (j, i) index into units, -1 outside every unit
  std::vector<double> unit_fraction;  ///< (j, i) share of the cell covered by any unit [1]
  bool from_boundary_file;            ///< false: the whole core box is one unit (no file was given)
};

/// Rasterises `regions` onto the interior of `sub`: each cell is sampled on an s × s sub-grid
/// (scan-line fill, even-odd rule, in projection coordinates); a cell belongs to the unit covering
/// most of its samples when units cover at least half of them.
RegionMask rasterise_regions(const GlobalGrid& grid, const Subdomain& sub,
                             const std::vector<GeoRegion>& regions, int subsamples);

/// The part of `whole` (a mask over the whole grid) over block `b`'s interior.
RegionMask mask_block(const RegionMask& whole, const Subdomain& b);

/// Fallback without a boundary file: every cell whose centre lies in `core` is unit 0.
RegionMask core_box_mask(const GlobalGrid& grid, const Subdomain& sub, const LonLatBox& core);

/// ASCII name of a Hengyang county-level unit from its adcode (FACTS.md, domain section 三.(三)),
/// or "unit_<adcode>" for others.
std::string hengyang_unit_name(long adcode);

}  // namespace kctm
