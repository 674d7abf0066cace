#pragma once
// The species emissions feed, until the chemistry (issue 6) takes them over: one passive field per
// inventory pollutant, carried as mass and removed only through the boundaries (PM10 enters as its
// coarse part, PMC = PM10 − PM2.5; primary PM2.5 as PPM25), and the biogenic isoprene (ISOP) and
// monoterpenes (TERP).
#include <algorithm>
#include <string>
#include <vector>

#include "emissions/biogenic.hpp"
#include "emissions/emission_model.hpp"
#include "meteo/meteo_snapshot.hpp"
#include "model/field_registry.hpp"
#include "model/user_inventory.hpp"

namespace kctm {

/// A field emissions go into, named for output and budgets.
struct EmittedField {
  std::string name, long_name;
  int field = -1;  ///< in the state
};

struct EmittedSpecies {
  struct Species : EmittedField {
    int pollutant;             ///< inventory pollutant it takes
    int minus_pollutant = -1;  ///< one it is the remainder of (PMC = PM10 − PM2.5), or −1
  };
  std::vector<Species> list;
  std::vector<std::string> pollutants;  ///< the inventory's pollutant names, by index
};

/// Registers the emitted species for the pollutants of `inventory`.
EmittedSpecies add_emitted_species(const Inventory& inventory, FieldRegistry& registry);

/// The species' fields of `emis` (field, k, j, i) [kg s-1 per cell] from the hour's emissions per
/// inventory pollutant, `tonnes` (pollutant, k, j, i) [t per hour], replacing what was there.
/// Returns the mass each species gets in the hour [kg], in the order of `species.list`.
template <class HostView4D>
std::vector<double> fill_species(const EmittedSpecies& species, const std::vector<double>& tonnes,
                                 HostView4D& emis) {
  const std::size_t nz = emis.extent(1), ny = emis.extent(2), nx = emis.extent(3);
  constexpr double kTonnesPerHour_to_kg_s = 1000.0 / 3600.0;
  std::vector<double> kg_in_hour;
  for (const EmittedSpecies::Species& sp : species.list) {
    double kg_s_total = 0;
    for (std::size_t k = 0; k < nz; ++k) {
      for (std::size_t j = 0; j < ny; ++j) {
        for (std::size_t i = 0; i < nx; ++i) {
          auto at = [&](int p) { return tonnes[((p * nz + k) * ny + j) * nx + i]; };
          const double t_h =
              at(sp.pollutant) - (sp.minus_pollutant >= 0 ? at(sp.minus_pollutant) : 0.0);
          emis(sp.field, k, j, i) = std::max(t_h, 0.0) * kTonnesPerHour_to_kg_s;
          kg_s_total += emis(sp.field, k, j, i);
        }
      }
    }
    kg_in_hour.push_back(kg_s_total * 3600.0);
  }
  return kg_in_hour;
}

/// The hour starting at t of the built-in inventory (every sector, Hengyang and its neighbours)
/// into `tonnes` (pollutant, k, j, i) [t per hour]; `point_layers` the plumes' layers (see
/// EmissionModel::add_hour).
void hourly_inventory_tonnes(const EmissionModel& model, UnixSeconds t,
                             const std::vector<int>& point_layers, std::vector<double>& tonnes);

/// The same from a user's inventory (model/user_inventory.hpp): each pollutant summed over the
/// file's sectors, into the ground layer; pollutants the file lacks emit nothing.
void hourly_user_tonnes(const UserInventory& user, const std::vector<std::string>& pollutants,
                        UnixSeconds t, std::vector<double>& tonnes);

/// Biogenic species: isoprene and monoterpenes, emitted into the ground layer each hour.
struct BiogenicSpecies {
  EmittedField isoprene, monoterpene;
  bool on() const { return isoprene.field >= 0; }
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
      emis(b.isoprene.field, 0, j, i) = r.isoprene_ug_m2_h * cell_area_m2[c] * kUgPerHour_to_kg_s;
      emis(b.monoterpene.field, 0, j, i) =
          r.monoterpene_ug_m2_h * cell_area_m2[c] * kUgPerHour_to_kg_s;
      isoprene += emis(b.isoprene.field, 0, j, i);
      monoterpene += emis(b.monoterpene.field, 0, j, i);
    }
  }
  return {isoprene * 3600, monoterpene * 3600};
}

}  // namespace kctm
