#pragma once
// The emissions feed of the chemistry's model species (registered by state/model_species): each
// hour every sector's tonnes per pollutant are speciated (emissions/speciation.hpp: NOx into NO
// and NO2, VOC into the lumped classes, PM2.5 into its components, PM10 − PM2.5 into PMC, SO2,
// NH3, CO as themselves) into the species' fields of the emission view, and the biogenic
// isoprene and monoterpenes go into ISOP and TERP.
#include <algorithm>
#include <string>
#include <vector>

#include "emissions/biogenic.hpp"
#include "emissions/emission_model.hpp"
#include "emissions/speciation.hpp"
#include "grids/region_mask.hpp"
#include "inputs/emission_routes.hpp"
#include "io/user_inventory.hpp"
#include "meteo/meteo_snapshot.hpp"
#include "state/field_registry.hpp"

namespace kctm {

/// A field emissions go into, named for output and budgets.
struct EmittedField {
  std::string name, long_name;
  int field = -1;  ///< in the state
};

/// The model species the inventory's pollutants go to, and how, sector by sector.
struct EmittedSpecies {
  /// factor × tonnes of `pollutant` (less `minus_pollutant`'s, when ≥ 0) go to list[species].
  struct Term {
    int pollutant, minus_pollutant, species;
    double factor;  ///< [kg of species per kg of pollutant]
  };
  std::vector<EmittedField> list;            ///< species taking emissions, in chem::kSpecies order
  std::vector<std::string> pollutants;       ///< the inventory's pollutant names, by index
  std::vector<std::vector<Term>> by_sector;  ///< per inventory sector
  /// For emissions without sectors (a user's inventory): the sectors' splits averaged with the
  /// built-in inventory's annual emissions of each pollutant as weights.
  std::vector<Term> unsectored;
  /// Per pollutant, the share the speciation drops (VOC's unreactive NR), inventory-weighted [1].
  std::vector<double> dropped_share;
  /// Source apportionment: each list entry's tag field per source (empty: not tagged; −1: the
  /// source cannot carry it, so no route of that source brings it).
  std::vector<std::vector<int>> tags;
};

/// Points the emitted species at their tags in `registry` (the first tag kind of each species:
/// PEC at PRIMARY).
void map_emitted_tags(EmittedSpecies& species, const FieldRegistry& registry);

/// Maps the speciation of `inventory`'s sectors onto the species' fields already in `registry`
/// (state/model_species.hpp); logs the dropped VOC share.
EmittedSpecies map_emitted_species(const Inventory& inventory, const Speciation& speciation,
                                   const FieldRegistry& registry);

/// Adds the speciated emissions of `tonnes` (pollutant, k, j, i) [t per hour] to the species'
/// fields of `emis` (field, k, j, i) [kg s-1 per cell], by `terms` (one sector's, or unsectored),
/// scaled and tagged by `route`.
template <class HostView4D>
void add_speciated(const EmittedSpecies& species, const std::vector<EmittedSpecies::Term>& terms,
                   const std::vector<double>& tonnes, const ColumnRoute& route, HostView4D& emis) {
  const std::size_t nz = emis.extent(1), ny = emis.extent(2), nx = emis.extent(3);
  const std::size_t per_pollutant = nz * ny * nx;
  constexpr double kTonnesPerHour_to_kg_s = 1000.0 / 3600.0;
  for (const EmittedSpecies::Term& term : terms) {
    const int field = species.list[term.species].field;
    const std::vector<int>* tags = route.source.empty() ? nullptr : &species.tags[term.species];
    if (tags && tags->empty()) tags = nullptr;
    const double* t_h = tonnes.data() + term.pollutant * per_pollutant;
    const double* minus_t_h =
        term.minus_pollutant >= 0 ? tonnes.data() + term.minus_pollutant * per_pollutant : nullptr;
    for (std::size_t k = 0; k < nz; ++k) {
      for (std::size_t j = 0; j < ny; ++j) {
        for (std::size_t i = 0; i < nx; ++i) {
          const std::size_t c = (k * ny + j) * nx + i;
          const std::size_t column = j * nx + i;
          const double t = minus_t_h ? std::max(t_h[c] - minus_t_h[c], 0.0) : t_h[c];
          const double kg_s = term.factor * t * kTonnesPerHour_to_kg_s *
                              (route.factor.empty() ? 1.0 : route.factor[column]);
          emis(field, k, j, i) += kg_s;
          if (tags) emis((*tags)[route.source[column]], k, j, i) += kg_s;
        }
      }
    }
  }
}

/// Sets the species' fields of `emis`, and their tags', to zero.
template <class HostView4D>
void clear_species(const EmittedSpecies& species, HostView4D& emis) {
  std::vector<int> fields;
  for (std::size_t e = 0; e < species.list.size(); ++e) {
    fields.push_back(species.list[e].field);
    for (std::size_t s = 0; !species.tags.empty() && s < species.tags[e].size(); ++s) {
      if (species.tags[e][s] >= 0) fields.push_back(species.tags[e][s]);
    }
  }
  for (const int f : fields) {
    for (std::size_t k = 0; k < emis.extent(1); ++k)
      for (std::size_t j = 0; j < emis.extent(2); ++j)
        for (std::size_t i = 0; i < emis.extent(3); ++i) emis(f, k, j, i) = 0.0;
  }
}

/// The mass each species of `species.list` gets in an hour from `emis` [kg].
template <class HostView4D>
std::vector<double> species_kg_per_hour(const EmittedSpecies& species, const HostView4D& emis) {
  std::vector<double> kg;
  for (const EmittedField& f : species.list) {
    double kg_s = 0;
    for (std::size_t k = 0; k < emis.extent(1); ++k)
      for (std::size_t j = 0; j < emis.extent(2); ++j)
        for (std::size_t i = 0; i < emis.extent(3); ++i) kg_s += emis(f.field, k, j, i);
    kg.push_back(kg_s * 3600.0);
  }
  return kg;
}

/// The species' fields of `emis` (field, k, j, i) [kg s-1 per cell] from the hour starting at t
/// of the built-in inventory (every sector, Hengyang and its neighbours), each sector speciated
/// by its own profile, replacing what was there; `point_layers` the plumes' layers (see
/// EmissionModel::add_hour), `sector_tonnes` a buffer of model.values(), `routes` the origins'
/// factors and tags. Returns the mass each species gets in the hour [kg], in the order of
/// `species.list`.
template <class HostView4D>
std::vector<double> fill_inventory_hour(const EmittedSpecies& species, const EmissionModel& model,
                                        UnixSeconds t, const std::vector<int>& point_layers,
                                        const EmissionRoutes& routes,
                                        std::vector<double>& sector_tonnes, HostView4D& emis) {
  clear_species(species, emis);
  for (std::size_t s = 0; s < model.inventory().sectors.size(); ++s) {
    for (const EmissionOrigin origin : {EmissionOrigin::Local, EmissionOrigin::Regional}) {
      std::fill(sector_tonnes.begin(), sector_tonnes.end(), 0.0);
      model.add_hour(static_cast<int>(s), origin, t, sector_tonnes, &point_layers);
      add_speciated(species, species.by_sector[s], sector_tonnes,
                    routes.of(static_cast<int>(s), origin), emis);
    }
  }
  return species_kg_per_hour(species, emis);
}

/// The hour starting at t of a user's inventory (io/user_inventory.hpp) into `tonnes`
/// (pollutant, k, j, i) [t per hour]: each pollutant summed over the file's sectors, into the
/// ground layer; pollutants the file lacks emit nothing.
void hourly_user_tonnes(const UserInventory& user, const std::vector<std::string>& pollutants,
                        UnixSeconds t, std::vector<double>& tonnes);

/// The species' fields of `emis` from a user's inventory, speciated by `species.unsectored`
/// (the file's sectors need not be the inventory's), replacing what was there; `tonnes` a
/// buffer of pollutants × nz × ny × nx. Returns the mass each species gets in the hour [kg].
template <class HostView4D>
std::vector<double> fill_user_hour(const EmittedSpecies& species, const UserInventory& user,
                                   UnixSeconds t, const EmissionRoutes& routes,
                                   std::vector<double>& tonnes, HostView4D& emis) {
  clear_species(species, emis);
  hourly_user_tonnes(user, species.pollutants, t, tonnes);
  add_speciated(species, species.unsectored, tonnes, routes.user, emis);
  return species_kg_per_hour(species, emis);
}

/// Biogenic species: isoprene and monoterpenes, emitted into the ground layer each hour.
struct BiogenicSpecies {
  EmittedField isoprene, monoterpene;
  /// Source apportionment: the biogenic source's ISOP and TERP tag fields (−1: untagged) and
  /// its factor.
  int isoprene_tag = -1, monoterpene_tag = -1;
  double factor = 1.0;
  bool on() const { return isoprene.field >= 0; }
};
/// The model species ISOP and TERP of `registry` (state/model_species.hpp).
BiogenicSpecies map_biogenic_species(const FieldRegistry& registry);

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
      const double to_kg_s = cell_area_m2[c] * kUgPerHour_to_kg_s * b.factor;
      emis(b.isoprene.field, 0, j, i) = r.isoprene_ug_m2_h * to_kg_s;
      emis(b.monoterpene.field, 0, j, i) = r.monoterpene_ug_m2_h * to_kg_s;
      if (b.isoprene_tag >= 0) {
        emis(b.isoprene_tag, 0, j, i) = emis(b.isoprene.field, 0, j, i);
        emis(b.monoterpene_tag, 0, j, i) = emis(b.monoterpene.field, 0, j, i);
      }
      isoprene += emis(b.isoprene.field, 0, j, i);
      monoterpene += emis(b.monoterpene.field, 0, j, i);
    }
  }
  return {isoprene * 3600, monoterpene * 3600};
}

}  // namespace kctm
