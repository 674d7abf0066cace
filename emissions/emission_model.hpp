#pragma once
// Hourly gridded emissions from an annual inventory (emissions/inventory.hpp): every sector's
// tonnes spread in space over the Hengyang mask and in time by the sector's profile.
// - In space: county-level units get their share by population (by their area for agriculture
//   and biomass burning, which follow farmland rather than people); inside a unit the share goes
//   to its cells by the sector's mix of surrogates (people, road corridors, land; SurrogateMix).
//   The sub-sector shares the plan states for power, cement and smelting go to the named point
//   sources of those types (equal shares among them: their capacities are not all known), in the
//   layer of the stack top; the run raises the plumes each hour (Briggs, emissions/plume_rise.hpp)
//   and passes their layers to add_hour (inputs/plume_layers.hpp). Area sources, Hengyang's and
//   its neighbours', enter the layers of their sector's release heights
//   (emissions/release_heights.hpp): industry mostly 92-184 m, the other sectors at the ground.
// - In time: emissions/temporal_profiles.hpp, normalised per calendar year.
// So the emissions of a year, summed over the mask's cells and hours, are the inventory exactly.
// Weights are normalised over the subdomain's own mask: with one subdomain, the whole domain.
// Scenario factors then multiply a pollutant's emissions by sector and county-level unit.
// Outside Hengyang (cells or parts of cells beyond its outline) the neighbouring cities emit at
// Hengyang's own per-km² rate times a factor: their inventories are not at hand (FACTS-INPUTS §5
// has Changsha–Zhuzhou–Xiangtan's, 1.5× Hengyang's NOx per km², but not the others'), and the
// neighbours in the domain are mostly prefecture-level cities like Hengyang.
#include <string>
#include <vector>

#include "emissions/inventory.hpp"
#include "emissions/plume_rise.hpp"
#include "emissions/release_heights.hpp"
#include "emissions/scale_rules.hpp"
#include "emissions/sources.hpp"
#include "emissions/surrogates.hpp"
#include "emissions/temporal_profiles.hpp"
#include "grids/global_grid.hpp"
#include "grids/region_mask.hpp"
#include "grids/subdomain.hpp"

namespace kctm {

/// Hengyang's area in the plan (section 三.(三)) [km2]: its inventory per km² is the regional
/// density.
constexpr double kHengyangArea_km2 = 15310.0;

/// Where emissions come from: Hengyang's own inventory, or the neighbouring cities inside the
/// domain.
enum class EmissionOrigin { Local, Regional };

struct EmissionOptions {
  std::vector<ScaleRule> scale;                 ///< scenario factors, on Hengyang's emissions
  std::string scale_where = "emissions.scale";  ///< names them in errors
  /// Emissions per km² outside Hengyang (its neighbours: Changsha–Zhuzhou–Xiangtan, Loudi,
  /// Shaoyang, Yongzhou, Chenzhou) relative to Hengyang's own 2018 density, sector by sector;
  /// 0: none.
  double regional_factor = 0.0;
  /// Heights at which each sector's area emissions are released.
  ReleaseHeights release = builtin_release_heights();
};

class EmissionModel {
 public:
  /// `cell_area_m2`: true areas of the interior cells (j, i).
  EmissionModel(const Inventory& inventory, TemporalProfiles profiles, const GlobalGrid& grid,
                const Subdomain& sub, const RegionMask& mask,
                const std::vector<double>& cell_area_m2, const std::vector<CountyStats>& counties,
                const std::vector<PointSource>& points, const std::vector<RoadWaypoint>& roads,
                const std::vector<IndustrialPark>& parks, const EmissionOptions& options = {});

  struct PointEmission {
    int pollutant, sector;
    int k, j, i;      ///< layer of the stack top, and interior cell
    double annual_t;  ///< [t yr-1]
    std::string name;
    double stack_height_m;
    StackExit exit;  ///< for plume rise
  };

  /// The same emissions over block `b`'s interior only, from a model built over the whole grid:
  /// the weights keep their normalisation over the whole mask, so every cell of the block emits
  /// what it does in the whole grid's model, bit for bit (each rank fills only its own block).
  EmissionModel block(const Subdomain& b) const;

  /// Adds what `sector` emits from `origin` in the hour starting at t to `out` (pollutant, k, j, i)
  /// over the interior cells [t per hour]; `out` has inventory().pollutants.size() × nz × ny × nx
  /// values.
  /// `point_layers`, when given, is the layer each of point_emissions() reaches this hour (plume
  /// rise); otherwise the stack top's.
  void add_hour(int sector, EmissionOrigin origin, UnixSeconds t, std::vector<double>& out,
                const std::vector<int>* point_layers = nullptr) const;
  /// What `sector` emits from `origin` in a year, scenario factors applied, per pollutant and
  /// interior cell (pollutant, j, i), all layers together [t yr-1]. Over a calendar year the
  /// hours of add_hour add up to it.
  std::vector<double> annual_t(int sector, EmissionOrigin origin) const;
  /// Annual emission of (pollutant, sector) from the neighbouring cities in the subdomain [t yr-1].
  double regional_annual_t(int pollutant, int sector) const;
  const std::vector<PointEmission>& point_emissions() const { return points_; }
  const Inventory& inventory() const { return inventory_; }
  const TemporalProfiles& profiles() const { return profiles_; }
  std::size_t values() const { return inventory_.pollutants.size() * nz_ * ny_ * nx_; }

 private:
  /// Annual area emission of (pollutant, sector): the inventory less its point share [t yr-1].
  double area_annual_t(int pollutant, int sector) const;
  /// The scenario factor of (pollutant, sector) in interior cell c = j nx + i [1]; point
  /// emissions carry theirs already.
  double factor(int pollutant, int sector, std::size_t cell) const {
    const std::size_t units = unit_count_ + 1;
    return factors_[(pollutant * inventory_.sectors.size() + sector) * units + unit_of_cell_[cell] +
                    1];
  }
  /// Calls emit(pollutant, layer, cell, t) for every place where `sector` emits from `origin`,
  /// with its annual emission t [t yr-1]; the one walk behind add_hour and annual_t.
  template <class Emit>
  void each_source(int sector, EmissionOrigin origin, const std::vector<int>* point_layers,
                   Emit emit) const;

  Inventory inventory_;
  TemporalProfiles profiles_;
  int nx_, ny_, nz_;
  std::vector<std::vector<double>> area_weights_;  // [sector][(j, i)]
  struct LayerShare {
    int k;
    double share;
  };
  std::vector<std::vector<LayerShare>> release_;  // [sector]: the layers its area emissions enter
  std::vector<PointEmission> points_;
  std::vector<int> unit_of_cell_;  // mask unit of each interior cell, −1 outside
  std::size_t unit_count_;
  std::vector<double> factors_;  // [(pollutant, sector)][unit + 1]
  double regional_factor_;
  std::vector<double> regional_km2_;
};

/// Sectors whose area emissions follow land area rather than population.
bool follows_area(const std::string& sector);

/// How a sector's emissions spread inside a county-level unit: shares taken by people, road
/// corridors and land area (emissions/surrogates.hpp) [1, summing to 1]. Traffic and its road dust
/// half along the main roads, half with the people; farming and straw burning over the land;
/// the rest with the people (industry, households, power, solvents: the parks named in the plan
/// have no coordinates yet).
struct SurrogateMix {
  double people, road, land, park;
};
SurrogateMix surrogate_mix(const std::string& sector);

}  // namespace kctm
