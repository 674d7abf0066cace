#pragma once
// The species the inventory's emissions feed, until the chemistry (issue 6) takes them over: one
// passive field per inventory pollutant, carried as mass and removed only through the boundaries
// (PM10 enters as its coarse part, PMC = PM10 − PM2.5; primary PM2.5 as PPM25).
#include <algorithm>
#include <string>
#include <vector>

#include "emissions/biogenic.hpp"
#include "emissions/emission_model.hpp"
#include "meteo/meteo_snapshot.hpp"
#include "model/field_registry.hpp"
#include "model/user_inventory.hpp"

namespace kctm {

struct EmittedSpecies {
  struct Species {
    std::string name, long_name;
    int field;                 ///< in the state
    int pollutant;             ///< inventory pollutant it takes
    int minus_pollutant = -1;  ///< one it is the remainder of (PMC = PM10 − PM2.5), or −1
    std::string inventory_name, minus_inventory_name;  ///< the same by name ("" for none)
  };
  std::vector<Species> list;
  int n_pollutants = 0;
};

/// Registers the emitted species for the pollutants of `inventory`.
EmittedSpecies add_emitted_species(const Inventory& inventory, FieldRegistry& registry);

/// Emissions of every sector in the hour starting at t into the species' fields of `emis`
/// (field, k, j, i) over the interior [kg s-1 per cell], replacing what was there. `scratch` holds
/// the model's (pollutant, k, j, i) values [t per hour]; `point_layers` the plumes' layers (see
/// EmissionModel::add_hour). Returns the mass each species gets in the
/// hour [kg], in the order of `species.list`.
template <class HostView4D>
std::vector<double> fill_hourly_emissions(const EmissionModel& model, const EmittedSpecies& species,
                                          UnixSeconds t, HostView4D& emis,
                                          std::vector<double>& scratch,
                                          const std::vector<int>* point_layers = nullptr) {
  std::fill(scratch.begin(), scratch.end(), 0.0);
  for (std::size_t s = 0; s < model.inventory().sectors.size(); ++s) {
    for (const EmissionOrigin origin : {EmissionOrigin::Local, EmissionOrigin::Regional}) {
      model.add_hour(static_cast<int>(s), origin, t, scratch, point_layers);
    }
  }
  const int nz = static_cast<int>(emis.extent(1)), ny = static_cast<int>(emis.extent(2)),
            nx = static_cast<int>(emis.extent(3));
  constexpr double kKgPerTonnePerHour_to_kg_s = 1000.0 / 3600.0;
  std::vector<double> kg_in_hour;
  for (const EmittedSpecies::Species& sp : species.list) {
    double kg_s_total = 0;
    for (int k = 0; k < nz; ++k) {
      for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
          auto at = [&](int p) {
            return scratch[((static_cast<std::size_t>(p) * nz + k) * ny + j) * nx + i];
          };
          double t_h = at(sp.pollutant) - (sp.minus_pollutant >= 0 ? at(sp.minus_pollutant) : 0.0);
          t_h = t_h > 0 ? t_h : 0.0;
          emis(sp.field, k, j, i) = t_h * kKgPerTonnePerHour_to_kg_s;
          kg_s_total += emis(sp.field, k, j, i);
        }
      }
    }
    kg_in_hour.push_back(kg_s_total * 3600.0);
  }
  return kg_in_hour;
}

/// The same from a user's inventory (model/user_inventory.hpp): each species' pollutant summed over
/// the file's sectors, into the ground layer; pollutants the file lacks emit nothing.
template <class HostView4D>
std::vector<double> fill_hourly_user_emissions(const UserInventory& user,
                                               const EmittedSpecies& species, UnixSeconds t,
                                               HostView4D& emis) {
  const int nz = static_cast<int>(emis.extent(1)), ny = static_cast<int>(emis.extent(2)),
            nx = static_cast<int>(emis.extent(3));
  const auto& names = user.pollutants();
  auto rate = [&](const std::string& pollutant) {
    std::vector<double> sum(static_cast<std::size_t>(nx) * ny, 0.0);
    if (std::find(names.begin(), names.end(), pollutant) == names.end()) return sum;
    for (std::size_t s = 0; s < user.sectors().size(); ++s) {
      const std::vector<double> r = user.regridded(pollutant, static_cast<int>(s), t);
      for (std::size_t c = 0; c < sum.size(); ++c) sum[c] += r[c];
    }
    return sum;
  };
  std::vector<double> kg_in_hour;
  for (const EmittedSpecies::Species& sp : species.list) {
    const std::vector<double> plus = rate(sp.inventory_name);
    const std::vector<double> minus = sp.minus_inventory_name.empty()
                                          ? std::vector<double>(plus.size(), 0.0)
                                          : rate(sp.minus_inventory_name);
    double kg_s_total = 0;
    for (int k = 0; k < nz; ++k) {
      for (int j = 0; j < ny; ++j) {
        for (int i = 0; i < nx; ++i) {
          const std::size_t c = static_cast<std::size_t>(j) * nx + i;
          const double v = k == 0 ? std::max(plus[c] - minus[c], 0.0) : 0.0;
          emis(sp.field, k, j, i) = v;
          kg_s_total += v;
        }
      }
    }
    kg_in_hour.push_back(kg_s_total * 3600.0);
  }
  return kg_in_hour;
}

/// Biogenic species: isoprene and monoterpenes, emitted into the ground layer each hour.
struct BiogenicSpecies {
  int isoprene_field = -1, monoterpene_field = -1;
};
BiogenicSpecies add_biogenic_species(FieldRegistry& registry);

/// Biogenic emissions of the hour from the meteorology's surface temperature, shortwave and land
/// use into `emis` (field, k, j, i) [kg s-1 per cell]; `cell_area_m2` per interior column.
/// Returns the mass of each (isoprene, monoterpenes) in an hour [kg]. Nothing where the
/// meteorology has no surface temperature (placeholder and analytic flows).
template <class HostView4D>
std::vector<double> fill_hourly_biogenic(const BiogenicSpecies& b, const MeteoSnapshot& met,
                                         const std::vector<double>& cell_area_m2,
                                         HostView4D& emis) {
  constexpr double kUgPerHour_to_kg_s = 1e-9 / 3600.0;
  double isoprene = 0, monoterpene = 0;
  for (int j = 0; j < met.ny; ++j) {
    for (int i = 0; i < met.nx; ++i) {
      const std::size_t c = met.column(j, i);
      const SurfaceFields& s = met.surface;
      const BiogenicRates r = s.t2_k[c] > 0
                                  ? biogenic_emission(s.land_use[c], s.t2_k[c], s.swdown_w_m2[c])
                                  : BiogenicRates{0, 0};
      emis(b.isoprene_field, 0, j, i) = r.isoprene_ug_m2_h * cell_area_m2[c] * kUgPerHour_to_kg_s;
      emis(b.monoterpene_field, 0, j, i) =
          r.monoterpene_ug_m2_h * cell_area_m2[c] * kUgPerHour_to_kg_s;
      isoprene += emis(b.isoprene_field, 0, j, i);
      monoterpene += emis(b.monoterpene_field, 0, j, i);
    }
  }
  return {isoprene * 3600, monoterpene * 3600};
}

}  // namespace kctm
