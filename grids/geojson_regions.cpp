#include "grids/geojson_regions.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "base/error.hpp"
#include "base/input_file.hpp"

namespace kctm {

namespace {

using nlohmann::json;

Ring read_ring(const json& coords, const std::string& where) {
  Ring r;
  if (!coords.is_array() || coords.size() < 3) throw Error(where, "a ring needs 3 or more points");
  for (const json& pt : coords) {
    if (!pt.is_array() || pt.size() < 2 || !pt[0].is_number() || !pt[1].is_number()) {
      throw Error(where, "a point must be [lon, lat]");
    }
    r.lon_deg.push_back(pt[0].get<double>());
    r.lat_deg.push_back(pt[1].get<double>());
  }
  return r;
}

void read_polygon(const json& poly, const std::string& where, std::vector<Ring>& rings) {
  if (!poly.is_array()) throw Error(where, "a polygon must be an array of rings");
  for (const json& ring : poly) rings.push_back(read_ring(ring, where));
}

}  // namespace

std::vector<GeoRegion> read_geojson_regions(const std::string& path) {
  require_input_file(path, "GeoJSON file");
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot open the GeoJSON file", "check the path");
  json doc;
  try {
    in >> doc;
  } catch (const json::exception& e) {
    throw Error(path, std::string("not valid JSON: ") + e.what());
  }
  if (!doc.is_object() || doc.value("type", "") != "FeatureCollection" ||
      !doc.contains("features") || !doc["features"].is_array()) {
    throw Error(path, "not a GeoJSON FeatureCollection");
  }
  std::vector<GeoRegion> regions;
  for (std::size_t f = 0; f < doc["features"].size(); ++f) {
    const json& feat = doc["features"][f];
    const std::string where = path + ":features[" + std::to_string(f) + "]";
    GeoRegion region;
    if (feat.contains("properties") && feat["properties"].is_object()) {
      const json& props = feat["properties"];
      if (props.contains("name") && props["name"].is_string()) region.name = props["name"];
      if (props.contains("adcode") && props["adcode"].is_number_integer()) {
        region.adcode = props["adcode"].get<long>();
      }
    }
    if (!feat.contains("geometry") || !feat["geometry"].is_object()) {
      throw Error(where, "feature has no geometry");
    }
    const json& geom = feat["geometry"];
    const std::string type = geom.value("type", "");
    if (!geom.contains("coordinates")) throw Error(where, "geometry has no coordinates");
    if (type == "Polygon") {
      read_polygon(geom["coordinates"], where, region.rings);
    } else if (type == "MultiPolygon") {
      for (const json& poly : geom["coordinates"]) read_polygon(poly, where, region.rings);
    } else {
      throw Error(where, "unsupported geometry type '" + type + "'", "Polygon or MultiPolygon");
    }
    regions.push_back(std::move(region));
  }
  if (regions.empty()) throw Error(path, "the FeatureCollection has no features");
  return regions;
}

}  // namespace kctm
