#pragma once
// One WRF history file (wrfout, NetCDF): its grid (dimensions and projection attributes), the
// times of its records, and the fields of one record in SI units. Dimension names and sizes are
// checked against WRF's conventions and every value read must be finite; failures are kctm::Error
// naming the file, the variable and, for a bad value, its index (Time, ..., west_east).
#include <cstddef>
#include <string>
#include <vector>

#include "base/civil_time.hpp"

namespace kctm {

/// The grid of a wrfout file: mass-point dimensions and the global projection attributes.
struct WrfGrid {
  int nx, ny, nz;  ///< west_east, south_north, bottom_top [points]
  int map_proj;    ///< MAP_PROJ (1 = Lambert conformal, the only one read)
  double truelat1_deg, truelat2_deg, stand_lon_deg;  ///< TRUELAT1, TRUELAT2, STAND_LON
  double cen_lat_deg, cen_lon_deg;                   ///< CEN_LAT, CEN_LON: the domain's centre
  double moad_cen_lat_deg;                           ///< MOAD_CEN_LAT: the projection's origin
  double dx_m, dy_m;                                 ///< DX, DY [m]

  bool operator==(const WrfGrid& o) const;
};

/// A rectangle of WRF mass points, [i0, i0 + nx) × [j0, j0 + ny): the part of the grid a rank's
/// block needs. Staggered fields cover one more face along their staggered axis.
struct WrfWindow {
  int i0 = 0, j0 = 0, nx = 0, ny = 0;
};

/// The fields of one record over a window. Layouts: 3-D (k, j, i) with i fastest, 2-D (j, i).
struct WrfRecord {
  std::vector<double> u_m_s;     ///< U, grid-relative, (bottom_top, south_north, west_east_stag)
  std::vector<double> v_m_s;     ///< V, grid-relative, (bottom_top, south_north_stag, west_east)
  std::vector<double> theta_k;   ///< potential temperature T + 300 K (mass points)
  std::vector<double> p_pa;      ///< pressure P + PB
  std::vector<double> z_w_m;     ///< height of w-levels (PH + PHB) / g, (bottom_top_stag, ...)
  std::vector<double> qv_kg_kg;  ///< QVAPOR, water vapour mixing ratio
  std::vector<double> qc_kg_kg;  ///< QCLOUD, cloud water mixing ratio
  std::vector<double> pblh_m, ustar_m_s, hfx_w_m2;  ///< PBLH, UST, HFX
  std::vector<double> rain_mm;      ///< RAINC + RAINNC, accumulated since the model's start
  std::vector<double> swdown_w_m2;  ///< SWDOWN
  std::vector<double> t2_k, q2_kg_kg, psfc_pa;  ///< T2, Q2 (a mixing ratio), PSFC
  std::vector<double> u10_m_s, v10_m_s;         ///< U10, V10, grid-relative at mass points
  std::vector<double> hgt_m;                    ///< HGT, terrain height
  std::vector<int> land_use;  ///< LU_INDEX, or kDefaultLandUse where the file has none
};

class WrfFile {
 public:
  /// USGS category used when a file has no LU_INDEX: 6, cropland/woodland mosaic, the commonest
  /// class of the hilly farmland around Hengyang.
  static constexpr int kDefaultLandUse = 6;

  /// Opens `path` and reads its dimensions, projection attributes, Times, and XLAT/XLONG of the
  /// first record.
  explicit WrfFile(std::string path);

  const std::string& path() const { return path_; }
  const WrfGrid& grid() const { return grid_; }
  const std::vector<UnixSeconds>& times() const { return times_; }
  /// XLAT and XLONG of the first record at mass points (j, i) [deg].
  const std::vector<double>& xlat_deg() const { return xlat_deg_; }
  const std::vector<double>& xlong_deg() const { return xlong_deg_; }
  /// The fields of record `r` (0-based) over `window`; a bad value is named by its index in the
  /// file.
  WrfRecord read(std::size_t r, const WrfWindow& window) const;

 private:
  std::string path_;
  WrfGrid grid_;
  std::vector<UnixSeconds> times_;
  std::vector<double> xlat_deg_, xlong_deg_;
};

}  // namespace kctm
