#pragma once
// Administrative regions read from a GeoJSON FeatureCollection of Polygon/MultiPolygon features.
#include <string>
#include <vector>

namespace kctm {

struct Ring {
  std::vector<double> lon_deg, lat_deg;  ///< closed or open ring of vertices [deg]
};

struct GeoRegion {
  std::string name;  ///< the feature's "name" property, as given (may be Chinese)
  long adcode =
      -1;  ///< the feature's "adcode" property (China's administrative code), -1 if absent
  std::vector<Ring> rings;  ///< outer rings and holes of all parts; filled by the even-odd rule
};

/// Reads every feature of `path`. Throws kctm::Error naming the file and the feature on bad input.
std::vector<GeoRegion> read_geojson_regions(const std::string& path);

}  // namespace kctm
