#include "run/hourly_inputs.hpp"

#include <algorithm>
#include <cmath>

#include "base/error.hpp"
#include "chemistry/species.hpp"
#include "inputs/chemistry_inputs.hpp"
#include "inputs/device_inputs.hpp"
#include "inputs/plume_layers.hpp"
#include "inputs/urban_fraction.hpp"
#include "kernels/host_copy.hpp"
#include "meteo/analytic_meteo.hpp"
#include "meteo/climatology_meteo.hpp"
#include "meteo/placeholder_meteo.hpp"
#include "meteo/wrf_meteo.hpp"
#include "state/chemistry_fields.hpp"

namespace kctm {

namespace {

/// The meteorology of `block` (its geometry `block_geometry`) of domain `d`.
std::unique_ptr<MeteoSource> make_meteo(const RunConfig& c, const Domain& d, const Subdomain& block,
                                        const GridGeometry& block_geometry) {
  if (c.meteo_kind == "analytic") {
    return std::make_unique<AnalyticMeteo>(c.analytic, d.grid, block, block_geometry, c.start);
  }
  if (c.meteo_kind == "placeholder") {
    return std::make_unique<PlaceholderMeteo>(c.meteo, d.grid, block, c.start);
  }
  std::vector<double> urban = block_part(urban_fraction(d, hengyang_counties()), block);
  if (c.meteo_kind == "wrf") {
    return std::make_unique<WrfMeteo>(
        c.wrf.files, d.grid, block,
        KzFloor{c.wrf.kz_min_m2_s, c.wrf.kz_min_urban_m2_s, std::move(urban)}, c.wrf.roughness_m);
  }
  return std::make_unique<ClimatologyMeteo>(c.climatology, d.grid, block, std::move(urban));
}

/// The run's meteorology, checked to cover the whole period before the first step.
std::unique_ptr<MeteoSource> covering_meteo(const RunConfig& c, const Domain& d,
                                            const Subdomain& block,
                                            const GridGeometry& block_geometry) {
  std::unique_ptr<MeteoSource> source = make_meteo(c, d, block, block_geometry);
  source->require_period(c.start, c.start + 3600 * c.hours);
  return source;
}

/// Emissions of the fields that take any over this rank's `block` [kg s-1 per cell] on the
/// host, with the tracer's point source where it lies in the block.
EmissionRows tracer_emissions(const RunConfig& c, const GlobalGrid& grid, const Subdomain& block,
                              const RunFields& fields, int n_fields) {
  int gi = 0, gj = 0;
  if (!grid.locate({c.tracer.source_lon, c.tracer.source_lat}, gi, gj)) {
    throw Error("tracer.source_lon/source_lat", "the source lies outside the model domain");
  }
  EmissionRows emis(n_fields, fields_taking_emissions(fields), grid.nz(), block.ny, block.nx);
  const int i = gi - block.i0, j = gj - block.j0;
  if (i >= 0 && i < block.nx && j >= 0 && j < block.ny) {
    emis(fields.tracer, grid.levels().layer_of_height(c.tracer.source_height_m), j, i) =
        c.tracer.emission_kg_s;
  }
  return emis;
}

/// The fields deposition removes: the chemistry's species, and every tag as its bulk species
/// (the same deposition velocity and scavenging).
std::vector<std::pair<std::string, int>> deposited_fields(const FieldRegistry& registry) {
  std::vector<std::pair<std::string, int>> deposited;
  const std::vector<int> fields_of_species = species_fields(registry);
  for (std::size_t sp = 0; sp < chem::kSpecies.size(); ++sp) {
    if (fields_of_species[sp] >= 0) {
      deposited.emplace_back(std::string(chem::kSpecies[sp].name), fields_of_species[sp]);
    }
  }
  for (int f = registry.n_species(); f < registry.n_fields(); ++f) {
    deposited.emplace_back(registry.field_name(registry.bulk_field(f)), f);
  }
  return deposited;
}

}  // namespace

HourlyInputs::HourlyInputs(const RunConfig& c, const Domain& d, const Decomposition& ranks,
                           const GridGeometry& block_geometry, const DeviceGeometry& geo,
                           const std::vector<double>& column_area_m2, const RunFields& fields,
                           const FieldRegistry& registry, bool chemistry)
    : emitted_kg(fields.emitted_fields.size(), 0.0),
      c_(c),
      d_(d),
      ranks_(ranks),
      fields_(fields),
      source_(covering_meteo(c, d, ranks.block(), block_geometry)),
      // Meteorology is held for each update interval at its mid-point value (every step if 0).
      update_s_(std::max(source_->update_interval_s(), c.step_s)),
      steps_per_update_(std::lround(update_s_ / c.step_s)),
      steps_per_hour_(std::lround(3600.0 / c.step_s)),
      snapshot_(source_->at(c.start + static_cast<UnixSeconds>(update_s_ / 2))),
      met_(allocate_device_meteo(geo)),
      chemistry_(chemistry),
      deposited_(deposited_fields(registry)),
      surface_(allocate_device_surface(geo)),
      dry_deposition_(deposited_),
      wet_(chem::wet_scavenging_inputs(
          surface_, chem::wet_scavenging_coefficients(deposited_, registry.n_fields()))),
      column_area_m2_(block_part(column_area_m2, ranks.block())),
      mid_lat_(d.geometry.lat_deg[d.geometry.at(d.geometry.nx / 2, d.geometry.ny / 2)]),
      vdep_("deposition_velocity", registry.n_fields(), ranks.block().ny, ranks.block().nx),
      emis_host_(tracer_emissions(c, d.grid, ranks.block(), fields, registry.n_fields())),
      emis_("emissions", emis_host_.extent(0), d.grid.nz(), ranks.block().ny, ranks.block().nx),
      emission_slot_(device_vector("emission_slot", emis_host_.slot)),
      hour_tonnes_(fields.emission_model ? fields.emission_model->values() : 0),
      kg_per_hour_(fields.emitted_fields.size(), 0.0),
      exchange_{emis_, emission_slot_, vdep_} {
  Kokkos::deep_copy(Kokkos::subview(vdep_, fields.tracer, Kokkos::ALL, Kokkos::ALL),
                    c.tracer.deposition_velocity_m_s);
  Kokkos::deep_copy(emis_, emis_host_.rows);
  upload_meteo(snapshot_, met_);
  update_removal(c.start);
  if (chemistry_) {
    chemistry_met_ = allocate_chemistry_meteo(snapshot_, block_geometry, ranks.block().halo);
    upload_chemistry_meteo(snapshot_, d.grid.levels(), chemistry_met_);
  }
}

void HourlyInputs::prepare(long step, bool first) {
  if (step % steps_per_update_ == 0 || first) update_meteo(step);
  if (fields_.emission_model && (step % steps_per_hour_ == 0 || first)) {
    const long hour_step = step - step % steps_per_hour_;
    fill_emissions(time_at(hour_step), hour_step == step ? snapshot_ : meteo_of_step(hour_step));
  }
  for (std::size_t s = 0; s < emitted_kg.size(); ++s) {
    emitted_kg[s] += kg_per_hour_[s] / 3600.0 * c_.step_s;
  }
}

UnixSeconds HourlyInputs::time_at(long step) const {
  return c_.start + static_cast<UnixSeconds>(std::llround(static_cast<double>(step) * c_.step_s));
}

MeteoSnapshot HourlyInputs::meteo_of_step(long step) const {
  return source_->at(time_at(step - step % steps_per_update_) +
                     static_cast<UnixSeconds>(update_s_ / 2));
}

void HourlyInputs::update_meteo(long step) {
  snapshot_ = meteo_of_step(step);
  upload_meteo(snapshot_, met_);
  if (chemistry_) upload_chemistry_meteo(snapshot_, d_.grid.levels(), chemistry_met_);
  update_removal(time_at(step - step % steps_per_update_));
}

void HourlyInputs::update_removal(UnixSeconds now) {
  // Idealised and placeholder meteorology has no surface layer: no dry deposition then.
  if (deposited_.empty() || !(snapshot_.surface.t2_k[0] > 0)) return;
  upload_surface(snapshot_, surface_);
  const int month = local_date(now, c_.output.file_day_utc_offset_s).month;
  dry_deposition_.fill(surface_, chem::wesely_season(month, mid_lat_), vdep_);
}

void HourlyInputs::fill_emissions(UnixSeconds hour_time, const MeteoSnapshot& hour_met) {
  const RunFields& f = fields_;
  if (f.user_inventory) {
    kg_per_hour_ =
        fill_user_hour(f.emitted, *f.user_inventory, hour_time, f.routes, hour_tonnes_, emis_host_);
  } else {
    kg_per_hour_ = fill_inventory_hour(f.emitted, *f.emission_model, hour_time,
                                       plume_layers(*f.emission_model, hour_met, d_.grid.levels()),
                                       f.routes, hour_tonnes_, emis_host_);
  }
  if (f.biogenic.on()) {
    const std::vector<double> kg =
        fill_hourly_biogenic(f.biogenic, hour_met, column_area_m2_, emis_host_);
    kg_per_hour_.insert(kg_per_hour_.end(), kg.begin(), kg.end());
  }
  kg_per_hour_ = ranks_.sum(kg_per_hour_);  // over the whole grid, for the budgets
  Kokkos::deep_copy(emis_, emis_host_.rows);
}

}  // namespace kctm
