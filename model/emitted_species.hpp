#pragma once
// The species the inventory's emissions feed, until the chemistry (issue 6) takes them over: one
// passive field per inventory pollutant, carried as mass and removed only through the boundaries
// (PM10 enters as its coarse part, PMC = PM10 − PM2.5; primary PM2.5 as PPM25).
#include <algorithm>
#include <string>
#include <vector>

#include "emissions/emission_model.hpp"
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

}  // namespace kctm
