#pragma once
// Where emissions go inside a county-level unit: spatial surrogates per interior cell.
// - people: a share of each unit's population lives in a Gaussian core around its government seat
//   (σ = kCoreRadius_km), the rest evenly over its area (approximate: no gridded population is at
//   hand);
// - roads: closeness to the expressways and national roads of emissions/data/roads.csv, a
//   Gaussian of the distance to the nearest segment (σ = kRoadWidth_km; the waypoints are good to
//   ±5–10 km, so this is a corridor, not a road);
// - land: the cell's area alone (farmland and open burning);
// - parks: the plan's four industrial parks (section 三.(三): the High-tech zone, Songmu,
//   Baishazhou, Hengshan Science City), a Gaussian of each park's radius around its approximate
//   centre (emissions/data/industrial_parks.csv).
// Each sector takes a mix of them (sector_surrogate). The weights are relative within a unit: the
// unit's share of a sector is set by population or area elsewhere (emissions/emission_model.hpp).
#include <string>
#include <utility>
#include <vector>

#include "emissions/sources.hpp"
#include "grids/global_grid.hpp"
#include "grids/projection.hpp"
#include "grids/region_mask.hpp"
#include "grids/subdomain.hpp"

namespace kctm {

constexpr double kSeatShare = 0.4;      ///< of a unit's population in its seat's core [approx]
constexpr double kCoreRadius_km = 4.0;  ///< σ of the urban core [approx]
constexpr double kRoadWidth_km = 3.0;   ///< σ of a road corridor [approx]

struct RoadWaypoint {
  std::string name, road_class;
  int seq;
  double lon_deg, lat_deg;
};

/// roads.csv: name,class,seq,lon,lat,quality.
std::vector<RoadWaypoint> parse_roads(const std::string& text, const std::string& where);
const std::vector<RoadWaypoint>& hengyang_roads();

struct IndustrialPark {
  std::string name;
  double lon_deg, lat_deg, radius_km;
};

/// industrial_parks.csv: name_zh,name_en,lon,lat,radius_km,coord_quality.
std::vector<IndustrialPark> parse_industrial_parks(const std::string& text,
                                                   const std::string& where);
const std::vector<IndustrialPark>& hengyang_industrial_parks();

/// Each unit of a mask: its area inside the subdomain [m²] and its population from the county
/// table (by adcode; 0 where the table has none).
struct UnitPeople {
  std::vector<double> area_m2, population;
  /// Unit u's mean density [people per km²]; 0 where it has no area in the subdomain.
  double density_per_km2(std::size_t u) const {
    return area_m2[u] > 0 ? population[u] / (area_m2[u] / 1e6) : 0.0;
  }
};
UnitPeople unit_people(const RegionMask& mask, const std::vector<double>& cell_area_m2,
                       const std::vector<CountyStats>& counties);

/// The seats' cores: each unit's population in a Gaussian of σ = kCoreRadius_km around its seat.
class SeatCores {
 public:
  SeatCores(const LambertConformal& proj, const std::vector<CountyStats>& counties);
  /// People per km² at p, were each unit's whole population in its core.
  double density_per_km2(const ProjXY& p) const;

 private:
  std::vector<std::pair<ProjXY, double>> seats_;  ///< seat, population
};

/// People per km² where a unit's mean density is `even` and the seat cores give `core`
/// (SeatCores::density_per_km2): kSeatShare of the people in the cores, the rest evenly.
inline double people_per_km2(double even, double core) {
  return (1 - kSeatShare) * even + kSeatShare * core;
}

struct Surrogates {
  std::vector<double> core;  ///< seat-core population density shape (j, i), per km² [1]
  std::vector<double> road;  ///< road corridor closeness (j, i), 0..1
  std::vector<double> park;  ///< industrial-park closeness (j, i), 0..1
};

/// The surrogate fields over the interior of `sub`: seat cores weighted by each seat's unit
/// population, the corridors of the expressways and national roads, and the industrial parks.
Surrogates compute_surrogates(const GlobalGrid& grid, const Subdomain& sub,
                              const std::vector<CountyStats>& counties,
                              const std::vector<RoadWaypoint>& roads,
                              const std::vector<IndustrialPark>& parks);

}  // namespace kctm
