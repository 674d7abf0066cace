#pragma once
// Meteorology from WRF history files (wrfout, Lambert conformal grids), regridded to the kctm grid:
// bilinear in WRF's index space for state variables (winds from their own staggered points),
// linear in height above ground in each column, linear in time between the two records that
// bracket the requested time. Winds are rotated from WRF's grid to kctm's (the two Lambert grids'
// meridian convergences differ) and kctm keeps the components normal to its cell faces.
// Precipitation is remapped by sub-sampling and the cloud fraction, which WRF does not write, is
// diagnosed from relative humidity. Each subdomain reads only the window of WRF points its own
// points need and regrids them as the whole grid would: a rank's block is the whole grid's, cut,
// bit for bit.
#include <string>
#include <vector>

#include "grids/global_grid.hpp"
#include "grids/subdomain.hpp"
#include "meteo/kz_floor.hpp"
#include "meteo/meteo_source.hpp"
#include "meteo/wrf_file.hpp"

namespace kctm {

/// Cloud fraction from relative humidity (0..1): 1 − sqrt((1 − RH) / (1 − RHc)) above the critical
/// RHc = 0.8, 0 below (Sundqvist et al. 1989, Mon. Wea. Rev. 117:1641).
double sundqvist_cloud_fraction(double rh);

class WrfMeteo : public MeteoSource {
 public:
  /// Reads the times of `files` (any order, one or more records each, no time twice, evenly
  /// spaced) and builds the regridding weights onto `sub` of `grid`. Throws kctm::Error naming the
  /// file when the WRF grid does not cover the subdomain or the files disagree.
  /// `kz_floor`: the Kz floor of each interior column (meteo/kz_floor.hpp).
  WrfMeteo(std::vector<std::string> files, const GlobalGrid& grid, const Subdomain& sub,
           KzFloor kz_floor, double roughness_m);
  MeteoSnapshot at(UnixSeconds t) const override;
  /// The interval between WRF records [s].
  double update_interval_s() const override { return interval_s_; }
  void require_period(UnixSeconds from, UnixSeconds to) const override;

 private:
  /// Where a kctm point lies on the WRF grid: fractional mass-point indices, the rotation from
  /// WRF's grid axes to kctm's, and its longitude/latitude.
  struct Site {
    double fi, fj;        ///< (x − x0) / DX, (y − y0) / DY from WRF mass point (0, 0)
    double cos_d, sin_d;  ///< cosine and sine of the rotation angle
    LonLat ll;
  };
  struct Record {
    UnixSeconds time;
    std::size_t file, index;
  };
  struct Fields;  // WRF's fields at one time, over window_

  Fields fields_between(const Record& r0, const Record& r1, double w) const;
  void fill_cells(const Fields& f, MeteoSnapshot& m) const;
  void fill_winds(const Fields& f, MeteoSnapshot& m) const;
  void fill_surface(const Fields& f, UnixSeconds t, MeteoSnapshot& m) const;

  std::vector<WrfFile> files_;
  std::vector<Record> records_;  // sorted by time
  double interval_s_;
  const GlobalGrid& grid_;
  Subdomain sub_;
  KzFloor kz_floor_;
  double roughness_m_;
  WrfWindow window_;           // the WRF mass points the subdomain's points need
  std::vector<Site> centres_;  // haloed columns (jh, ih)
  std::vector<Site> u_faces_;  // (j, i_face), ny × (nx + 1)
  std::vector<Site> v_faces_;  // (j_face, i), (ny + 1) × nx
  // WRF mass points sampled inside each interior column (j, i), kRainSamples² per column, as
  // indices into window_.
  std::vector<std::size_t> rain_cells_;
};

}  // namespace kctm
