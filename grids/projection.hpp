#pragma once
// Lambert conformal conic projection on a sphere (as WRF uses), through PROJ for forward/inverse
// transforms and in closed form for the map scale factor (Snyder 1987, "Map Projections — A Working
// Manual", USGS PP 1395, eqs. 15-1 to 15-4).
#include <memory>
#include <string>

namespace kctm {

struct LambertParams {
  double lat_1_deg;       ///< first standard parallel [deg N]
  double lat_2_deg;       ///< second standard parallel [deg N]
  double lat_0_deg;       ///< latitude of the projection origin [deg N]
  double lon_0_deg;       ///< central meridian [deg E]
  double earth_radius_m;  ///< sphere radius [m]; WRF uses 6,370,000 m
};

struct LonLat {
  double lon_deg, lat_deg;
};
struct ProjXY {
  double x_m, y_m;
};

class LambertConformal {
 public:
  explicit LambertConformal(const LambertParams& p);
  ~LambertConformal();
  LambertConformal(const LambertConformal&) = delete;
  LambertConformal& operator=(const LambertConformal&) = delete;

  ProjXY forward(LonLat ll) const;
  LonLat inverse(ProjXY xy) const;
  /// Scale factor k = h of the conformal map at a latitude [1]; a true area is (projected area)/k².
  double scale_factor(double lat_deg) const;
  const LambertParams& params() const { return params_; }
  /// The PROJ string of the projection, for output metadata and for reproducing it elsewhere.
  std::string proj_string() const;

 private:
  LambertParams params_;
  double cone_n_;  // cone constant n [1]
  double cone_f_;  // Snyder's F [1]
  struct ProjHandles;
  std::unique_ptr<ProjHandles> proj_;
};

}  // namespace kctm
