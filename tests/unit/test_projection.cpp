#include <gtest/gtest.h>

#include <cmath>

#include "base/constants.hpp"
#include "grids/projection.hpp"

namespace kctm {

namespace {
const LambertParams kHengyang{25.0, 29.0, 26.8, 112.41, constants::kWrfEarthRadius};
using constants::kPi;

// Great-circle distance on the sphere (haversine) [m].
double great_circle_m(LonLat a, LonLat b, double r) {
  const double d2r = kPi / 180;
  const double dlat = (b.lat_deg - a.lat_deg) * d2r, dlon = (b.lon_deg - a.lon_deg) * d2r;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat_deg * d2r) * std::cos(b.lat_deg * d2r) * std::sin(dlon / 2) *
                       std::sin(dlon / 2);
  return 2 * r * std::asin(std::sqrt(h));
}
}  // namespace

TEST(LambertConformal, OriginMapsToZeroAndInverseRoundTrips) {
  const LambertConformal proj(kHengyang);
  const ProjXY o = proj.forward({112.41, 26.8});
  EXPECT_NEAR(o.x_m, 0.0, 1e-6);
  EXPECT_NEAR(o.y_m, 0.0, 1e-6);
  for (double lon = 110.0; lon <= 115.0; lon += 0.7) {
    for (double lat = 24.5; lat <= 29.0; lat += 0.6) {
      const LonLat back = proj.inverse(proj.forward({lon, lat}));
      EXPECT_NEAR(back.lon_deg, lon, 1e-9);
      EXPECT_NEAR(back.lat_deg, lat, 1e-9);
    }
  }
}

TEST(LambertConformal, ScaleFactorIsOneOnStandardParallelsAndMatchesDistances) {
  const LambertConformal proj(kHengyang);
  EXPECT_NEAR(proj.scale_factor(25.0), 1.0, 1e-12);
  EXPECT_NEAR(proj.scale_factor(29.0), 1.0, 1e-12);
  EXPECT_LT(proj.scale_factor(27.0), 1.0);  // a secant cone shrinks between its parallels
  // k is the ratio of a short projected distance to the true one (tolerance: the 100 m step's
  // curvature error is ~1e-9).
  for (double lat : {24.0, 26.0, 27.5, 30.0}) {
    const LonLat a{112.0, lat}, b{112.0, lat + 0.001};
    const ProjXY pa = proj.forward(a), pb = proj.forward(b);
    const double projected = std::hypot(pb.x_m - pa.x_m, pb.y_m - pa.y_m);
    const double k = projected / great_circle_m(a, b, kHengyang.earth_radius_m);
    EXPECT_NEAR(proj.scale_factor(lat + 0.0005), k, 1e-7) << lat;
  }
}

TEST(LambertConformal, RejectsParallelsInDifferentHemispheres) {
  EXPECT_ANY_THROW(LambertConformal({-10.0, 20.0, 0.0, 110.0, constants::kWrfEarthRadius}));
}

}  // namespace kctm
