#include "emissions/emission_model.hpp"

#include <algorithm>
#include <map>

#include "base/error.hpp"

namespace kctm {

bool follows_area(const std::string& sector) {
  return sector == "agriculture" || sector == "biomass_burning";
}

SurrogateMix surrogate_mix(const std::string& sector) {
  if (follows_area(sector)) return {0, 0, 1, 0};
  if (sector == "mobile" || sector == "fugitive_dust") return {0.5, 0.5, 0, 0};  // roads, towns
  // Industry, its boilers and solvents: half in the industrial parks, half with the towns
  // (approx: the parks' share of each unit's industry is not published).
  if (sector == "industrial_process" || sector == "stationary_combustion" ||
      sector == "solvent_use") {
    return {0.5, 0, 0, 0.5};
  }
  return {1, 0, 0, 0};
}

EmissionModel::EmissionModel(const Inventory& inventory, TemporalProfiles profiles,
                             const GlobalGrid& grid, const Subdomain& sub, const RegionMask& mask,
                             const std::vector<double>& cell_area_m2,
                             const std::vector<CountyStats>& counties,
                             const std::vector<PointSource>& points,
                             const std::vector<RoadWaypoint>& roads,
                             const std::vector<IndustrialPark>& parks,
                             const EmissionOptions& options)
    : inventory_(inventory),
      profiles_(std::move(profiles)),
      nx_(sub.nx),
      ny_(sub.ny),
      nz_(grid.nz()),
      unit_of_cell_(mask.unit_of_cell),
      unit_count_(mask.units.size()),
      regional_factor_(options.regional_factor) {
  const std::vector<ScaleRule>& scale = options.scale;
  const std::string& scale_where = options.scale_where;
  for (std::size_t c = 0; c < cell_area_m2.size(); ++c) {
    regional_km2_.push_back(cell_area_m2[c] * (1 - mask.unit_fraction[c]) / 1e6);
  }
  // Scenario factors per (pollutant, sector) and unit (slot 0: cells outside every unit).
  for (const ScaleRule& r : scale) {
    auto known = [](const std::vector<std::string>& names, const std::string& n) {
      return n == "*" || std::find(names.begin(), names.end(), n) != names.end();
    };
    std::vector<std::string> regions;
    for (const RegionUnit& u : mask.units) regions.push_back(u.name);
    if (!known(inventory_.sectors, r.sector))
      throw Error(scale_where, "unknown sector '" + r.sector + "'");
    if (!known(inventory_.pollutants, r.pollutant)) {
      throw Error(scale_where, "unknown pollutant '" + r.pollutant + "'");
    }
    if (!known(regions, r.region))
      throw Error(scale_where, "unknown region '" + r.region + "'",
                  "a county-level unit of the mask, or *");
  }
  for (const std::string& p : inventory_.pollutants) {
    for (const std::string& s : inventory_.sectors) {
      factors_.push_back(scale_factor(scale, s, p, "*"));  // outside every unit: only "*" rules
      for (const RegionUnit& u : mask.units) factors_.push_back(scale_factor(scale, s, p, u.name));
    }
  }
  for (const std::string& s : inventory_.sectors) {
    if (!profiles_.has(s)) throw Error("emissions", "no temporal profile for sector '" + s + "'");
  }
  const Surrogates surrogates = compute_surrogates(grid, sub, counties, roads, parks);
  const std::size_t units = mask.units.size(), cells = static_cast<std::size_t>(nx_) * ny_;
  const UnitPeople people_of_units = unit_people(mask, cell_area_m2, counties);
  const std::vector<double>& unit_area = people_of_units.area_m2;
  const std::vector<double>& unit_population = people_of_units.population;
  const bool any_population =
      std::any_of(unit_population.begin(), unit_population.end(), [](double p) { return p > 0; });
  for (const std::string& sector : inventory_.sectors) {
    // Unit shares by population (or area); without county statistics (the core-box fallback) by
    // area.
    const bool by_area = follows_area(sector) || !any_population;
    const std::vector<double>& key = by_area ? unit_area : unit_population;
    double key_sum = 0;
    for (std::size_t u = 0; u < units; ++u) key_sum += unit_area[u] > 0 ? key[u] : 0.0;
    if (key_sum <= 0) throw Error("emissions", "no cell of the domain lies in Hengyang's mask");
    // Inside a unit: the sector's mix of surrogates, each normalised over the unit.
    const SurrogateMix mix = surrogate_mix(sector);
    std::vector<double> people(cells, 0.0), road(cells, 0.0), land(cells, 0.0), park(cells, 0.0);
    std::vector<double> people_sum(units, 0.0), road_sum(units, 0.0), land_sum(units, 0.0),
        park_sum(units, 0.0);
    for (std::size_t c = 0; c < cells; ++c) {
      const int u = mask.unit_of_cell[c];
      if (u < 0) continue;
      const double a = cell_area_m2[c] * mask.unit_fraction[c];
      land[c] = a;
      people[c] = a * people_per_km2(people_of_units.density_per_km2(u), surrogates.core[c]);
      road[c] = a * surrogates.road[c];
      park[c] = a * surrogates.park[c];
      land_sum[u] += land[c], people_sum[u] += people[c], road_sum[u] += road[c];
      park_sum[u] += park[c];
    }
    std::vector<double> w(cells, 0.0);
    for (std::size_t c = 0; c < cells; ++c) {
      const int u = mask.unit_of_cell[c];
      if (u < 0 || unit_area[u] <= 0) continue;
      // A surrogate that is zero over a unit (no road there, no people known) gives its part to
      // the unit's area; industry outside the parks stays with the towns.
      auto share = [&](const std::vector<double>& f, const std::vector<double>& sum) {
        return sum[u] > 0 ? f[c] / sum[u] : land[c] / land_sum[u];
      };
      const double towns = share(people, people_sum);
      w[c] = key[u] / key_sum *
             (mix.people * towns + mix.road * share(road, road_sum) +
              mix.land * share(land, land_sum) +
              mix.park * (park_sum[u] > 0 ? park[c] / park_sum[u] : towns));
    }
    area_weights_.push_back(std::move(w));
  }
  for (const auto& named : options.release.shares) {
    if (inventory_.sector_index(named.first) < 0) {
      throw Error(options.release.where + ": sectors." + named.first,
                  "is not a sector of the inventory");
    }
  }
  for (const std::string& sector : inventory_.sectors) {
    const std::vector<double> share = options.release.layer_shares(sector, grid.levels());
    release_.emplace_back();
    for (int k = 0; k < nz_; ++k) {
      if (share[k] > 0) release_.back().push_back({k, share[k]});
    }
  }
  // Point shares: equal parts for the named sources of the listed types.
  for (const PointShare& ps : inventory_.point_shares) {
    std::vector<const PointSource*> matched;
    for (const PointSource& p : points) {
      if (std::find(ps.types.begin(), ps.types.end(), p.type) != ps.types.end())
        matched.push_back(&p);
    }
    if (matched.empty()) {
      throw Error("emissions: point_shares",
                  "no point source of the types for " + ps.pollutant + " " + ps.sector);
    }
    const int pi = inventory_.pollutant_index(ps.pollutant),
              si = inventory_.sector_index(ps.sector);
    for (const PointSource* p : matched) {
      int gi, gj;
      if (!grid.locate({p->lon_deg, p->lat_deg}, gi, gj)) {
        throw Error("emissions: " + p->name_en, "the point source lies outside the model grid");
      }
      const int i = gi - sub.i0, j = gj - sub.j0;
      if (i < 0 || i >= nx_ || j < 0 || j >= ny_) continue;  // another subdomain's
      points_.push_back({pi, si, grid.levels().layer_of_height(p->stack_height_m), j, i,
                         ps.share_pct / 100.0 * inventory_.total_t(pi) / matched.size() *
                             factor(pi, si, static_cast<std::size_t>(j) * nx_ + i),
                         p->name_en, p->stack_height_m, stack_of_type(p->type)});
    }
  }
}

EmissionModel EmissionModel::block(const Subdomain& b) const {
  if (b.global_nx != nx_ || b.global_ny != ny_) {
    throw Error("emissions", "a block is cut from the whole grid's emission model only");
  }
  EmissionModel out = *this;
  out.nx_ = b.nx;
  out.ny_ = b.ny;
  for (std::vector<double>& w : out.area_weights_) w = block_part(w, b);
  out.unit_of_cell_ = block_part(unit_of_cell_, b);
  out.regional_km2_ = block_part(regional_km2_, b);
  out.points_.clear();
  for (PointEmission e : points_) {
    e.i -= b.i0;
    e.j -= b.j0;
    if (e.i >= 0 && e.i < b.nx && e.j >= 0 && e.j < b.ny) out.points_.push_back(std::move(e));
  }
  return out;
}

double EmissionModel::area_annual_t(int pollutant, int sector) const {
  double t = inventory_.t(pollutant, sector);
  for (const PointShare& ps : inventory_.point_shares) {
    if (inventory_.pollutant_index(ps.pollutant) == pollutant &&
        inventory_.sector_index(ps.sector) == sector) {
      t -= ps.share_pct / 100.0 * inventory_.total_t(pollutant);
    }
  }
  return std::max(t, 0.0);
}

double EmissionModel::regional_annual_t(int pollutant, int sector) const {
  double km2 = 0;
  for (double a : regional_km2_) km2 += a;
  return regional_factor_ * inventory_.t(pollutant, sector) / kHengyangArea_km2 * km2;
}

template <class Emit>
void EmissionModel::each_source(int sector, EmissionOrigin origin,
                                const std::vector<int>* point_layers, Emit emit) const {
  const std::size_t plane = static_cast<std::size_t>(nx_) * ny_;
  if (origin == EmissionOrigin::Regional) {
    if (regional_factor_ == 0) return;
    for (std::size_t p = 0; p < inventory_.pollutants.size(); ++p) {
      const double per_km2 =
          regional_factor_ * inventory_.t(static_cast<int>(p), sector) / kHengyangArea_km2;
      for (std::size_t c = 0; c < plane; ++c) {
        for (const LayerShare& l : release_[sector]) {
          emit(p, l.k, c, per_km2 * regional_km2_[c] * l.share);
        }
      }
    }
    return;
  }
  const std::vector<double>& w = area_weights_[sector];
  for (std::size_t p = 0; p < inventory_.pollutants.size(); ++p) {
    const double area_t = area_annual_t(static_cast<int>(p), sector);
    if (area_t == 0) continue;
    for (std::size_t c = 0; c < plane; ++c) {
      const double t = area_t * w[c] * factor(static_cast<int>(p), sector, c);
      for (const LayerShare& l : release_[sector]) emit(p, l.k, c, t * l.share);
    }
  }
  for (std::size_t n = 0; n < points_.size(); ++n) {
    const PointEmission& e = points_[n];
    if (e.sector != sector) continue;
    emit(static_cast<std::size_t>(e.pollutant), point_layers ? (*point_layers)[n] : e.k,
         static_cast<std::size_t>(e.j) * nx_ + e.i, e.annual_t);
  }
}

void EmissionModel::add_hour(int sector, EmissionOrigin origin, UnixSeconds t,
                             std::vector<double>& out, const std::vector<int>* point_layers) const {
  const double f = profiles_.hour_fraction(inventory_.sectors[sector], t);
  const std::size_t plane = static_cast<std::size_t>(nx_) * ny_;
  each_source(sector, origin, point_layers, [&](std::size_t p, int k, std::size_t c, double t_yr) {
    out[(p * nz_ + k) * plane + c] += t_yr * f;
  });
}

std::vector<double> EmissionModel::annual_t(int sector, EmissionOrigin origin) const {
  const std::size_t plane = static_cast<std::size_t>(nx_) * ny_;
  std::vector<double> out(inventory_.pollutants.size() * plane, 0.0);
  each_source(sector, origin, nullptr,
              [&](std::size_t p, int, std::size_t c, double t_yr) { out[p * plane + c] += t_yr; });
  return out;
}

}  // namespace kctm
