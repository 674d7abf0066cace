#include "model/driver.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>

#include "base/error.hpp"
#include "chemistry/dry_deposition.hpp"
#include "chemistry/species.hpp"
#include "chemistry/tag_attribution.hpp"
#include "kernels/fenced_time.hpp"
#include "kernels/field_mass.hpp"
#include "kernels/horizontal_advection.hpp"
#include "kernels/host_copy.hpp"
#include "meteo/analytic_meteo.hpp"
#include "meteo/climatology_meteo.hpp"
#include "meteo/placeholder_meteo.hpp"
#include "meteo/wrf_meteo.hpp"
#include "model/apportionment_output.hpp"
#include "model/boundary_file.hpp"
#include "model/chemistry_inputs.hpp"
#include "model/chemistry_setup.hpp"
#include "model/conc_writer.hpp"
#include "model/device_inputs.hpp"
#include "model/domain.hpp"
#include "model/emissions_setup.hpp"
#include "model/emitted_species.hpp"
#include "model/model_species.hpp"
#include "model/plume_layers.hpp"
#include "model/progress.hpp"
#include "model/run_checkpoint.hpp"
#include "model/stop_signal.hpp"
#include "model/transport.hpp"

namespace kctm {

namespace fs = std::filesystem;

namespace {

constexpr double kUgPerKg = 1e9;

double budget_scale(const TracerBudget& b) {
  return std::max({b.emitted_kg + b.inflow_kg, b.initial_kg, 1e-300});
}

/// The tracer's point source as an emission field (field, k, j, i) [kg s-1 per cell].
View4D<double> tracer_emissions(const RunConfig& c, const Domain& d, int n_fields, int field) {
  int gi = 0, gj = 0;
  if (!d.grid.locate({c.tracer.source_lon, c.tracer.source_lat}, gi, gj)) {
    throw Error("tracer.source_lon/source_lat", "the source lies outside the model domain");
  }
  View4D<double> emis("tracer_emissions", n_fields, d.grid.nz(), d.sub.ny, d.sub.nx);
  const int i = gi - d.sub.i0, j = gj - d.sub.j0;
  if (i >= 0 && i < d.sub.nx && j >= 0 && j < d.sub.ny) {
    auto host = Kokkos::create_mirror_view(emis);
    host(field, d.grid.levels().layer_of_height(c.tracer.source_height_m), j, i) =
        c.tracer.emission_kg_s;
    Kokkos::deep_copy(emis, host);
  }
  return emis;
}

std::unique_ptr<MeteoSource> make_meteo(const RunConfig& c, const Domain& d) {
  if (c.meteo_kind == "analytic") {
    return std::make_unique<AnalyticMeteo>(c.analytic, d.grid, d.sub, d.geometry, c.start);
  }
  if (c.meteo_kind == "wrf") {
    return std::make_unique<WrfMeteo>(c.wrf.files, d.grid, d.sub, c.wrf.kz_min_m2_s,
                                      c.wrf.roughness_m);
  }
  if (c.meteo_kind == "placeholder") {
    return std::make_unique<PlaceholderMeteo>(c.meteo, d.grid, d.sub, c.start);
  }
  return std::make_unique<ClimatologyMeteo>(c.climatology, d.grid, d.sub);
}

/// `values` of the chemistry's species fields times `factor` (other fields as they are).
std::vector<double> scaled_species(std::vector<double> values, const std::vector<int>& fields,
                                   double factor) {
  for (int f : fields) {
    if (f >= 0) values[f] *= factor;
  }
  return values;
}

/// Every field at its initial value (the chemistry's clean air; zero for the others).
void set_background(const std::vector<double>& background, State& state) {
  auto host = Kokkos::create_mirror_view(state.q);
  for (std::size_t f = 0; f < background.size(); ++f) {
    auto field = Kokkos::subview(host, f, Kokkos::ALL, Kokkos::ALL, Kokkos::ALL);
    Kokkos::deep_copy(field, background[f]);
  }
  Kokkos::deep_copy(state.q, host);
}

/// Mass of every field in the interior [kg].
std::vector<double> field_masses_kg(const DeviceGeometry& geo, const State& state) {
  std::vector<double> kg(state.registry.n_fields());
  for (int f = 0; f < state.registry.n_fields(); ++f)
    kg[f] = field_mass_kg(geo, state.air, state.q, f);
  return kg;
}

/// The budget of an element (N or S) over the run from per-field masses and transport budgets.
TracerBudget element_budget(Element e, const FieldRegistry& registry,
                            const std::vector<double>& initial_kg,
                            const std::vector<double>& final_kg,
                            const std::vector<double>& emitted_kg, const Transport& transport) {
  std::vector<std::vector<double>> columns(kBudgetColumns,
                                           std::vector<double>(registry.n_fields(), 0.0));
  for (int f = 0; f < registry.n_fields(); ++f) {
    const std::vector<double> b = transport.budget_kg(f);
    for (int col = 0; col < kBudgetColumns; ++col) columns[col][f] = b[col];
  }
  return {element_kg(e, registry, initial_kg),
          element_kg(e, registry, final_kg),
          element_kg(e, registry, emitted_kg),
          element_kg(e, registry, columns[kInflow]),
          element_kg(e, registry, columns[kOutflow]),
          element_kg(e, registry, columns[kDeposited]) +
              element_kg(e, registry, columns[kWetDeposited])};
}

/// Dry and wet deposition of a field's budget (Transport::budget_kg) [kg].
double deposited_kg(const std::vector<double>& budget) {
  return budget[kDeposited] + budget[kWetDeposited];
}

/// The configured initial shape in the tracer's interior cells (every layer).
void set_initial_tracer(const RunConfig& c, const Domain& d, State& state, int field) {
  if (c.tracer.initial.shape == "none") return;
  auto host = Kokkos::create_mirror_view(state.q);
  Kokkos::deep_copy(host, state.q);
  const double lx = d.grid.nx() * d.grid.dx_m(), ly = d.grid.ny() * d.grid.dy_m();
  const int h = d.sub.halo;
  for (int k = 0; k < d.grid.nz(); ++k) {
    for (int j = h; j < h + d.sub.ny; ++j) {
      for (int i = h; i < h + d.sub.nx; ++i) {
        host(field, k, j, i) =
            initial_shape_kg_kg(c.tracer.initial, d.geometry.x_m[i] - d.grid.x0_m(),
                                d.geometry.y_m[j] - d.grid.y0_m(), lx, ly);
      }
    }
  }
  Kokkos::deep_copy(state.q, host);
}

}  // namespace

double TracerBudget::relative_imbalance() const {
  return (final_kg - initial_kg - emitted_kg - inflow_kg + outflow_kg + deposited_kg) /
         budget_scale(*this);
}

void prepare_output_dir(const std::string& dir, const std::string& key_where) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw Error(key_where, "cannot create the output folder '" + dir + "'",
                ec ? ec.message() : "a file of that name exists");
  }
  const fs::path probe = fs::path(dir) / ".kctm-write-probe";
  {
    std::ofstream out(probe);
    if (!out || !(out << "probe") || !out.flush()) {
      throw Error(key_where, "cannot write in the output folder '" + dir + "'",
                  "check permissions");
    }
  }
  fs::remove(probe, ec);
}

RunResult run_simulation(const RunConfig& c) {
  prepare_output_dir(c.output.dir, c.output.dir_where);
  const Domain d = build_domain(c, kAdvectionHalo);
  spdlog::info("grid {} x {} x {} cells of {:.3g} km ({} units in the mask)", d.grid.nx(),
               d.grid.ny(), d.grid.nz(), d.grid.dx_m() / 1000, d.mask.units.size());

  FieldRegistry registry;
  const int tracer = registry.add_species({c.tracer.name, "passive tracer", Phase::Tracer, 0.0});
  const bool carries_species = c.chemistry.enabled || c.emissions;
  if (carries_species) add_model_species(registry);
  std::unique_ptr<const EmissionModel> emission_model;
  EmittedSpecies emitted;
  std::unique_ptr<const UserInventory> user_inventory;
  if (c.emissions) {
    emission_model =
        std::make_unique<const EmissionModel>(build_emission_model(d, emission_options(c)));
    emitted = map_emitted_species(
        emission_model->inventory(),
        load_speciation(c.emissions_speciation_file, emission_model->inventory()), registry);
    if (!c.emissions_user_file.empty()) {
      user_inventory = std::make_unique<const UserInventory>(c.emissions_user_file, d.grid, d.sub);
      // Refuse a file that does not cover the run before anything is written.
      for (UnixSeconds t : {c.start, c.start + 3600 * c.hours - 1}) {
        user_inventory->regridded(user_inventory->pollutants().front(), 0, t);
      }
    }
  }
  std::unique_ptr<const SourceSet> sources;
  if (c.apportionment.enabled) {
    const std::vector<std::string> sectors =
        emission_model ? emission_model->inventory().sectors : std::vector<std::string>{};
    std::vector<std::string> units;
    for (const RegionUnit& u : d.mask.units) units.push_back(u.name);
    sources = std::make_unique<const SourceSet>(
        build_source_set(c.apportionment, sectors, units, !c.emissions_user_file.empty()));
    register_tags(*sources, registry);
    registry.keep_tags(
        carried_tags(registry,
                     brought_species(*sources, emission_model ? &emitted : nullptr,
                                     c.emissions && c.emissions_biogenic, c.chemistry.background,
                                     c.chemistry.regional_inflow, !c.boundary_file.empty()),
                     sources->fallback()));
    map_emitted_tags(emitted, registry);
  }
  const EmissionRoutes routes =
      sources && emission_model
          ? emission_routes(*sources, d.mask,
                            static_cast<int>(emission_model->inventory().sectors.size()))
          : EmissionRoutes{};
  BiogenicSpecies biogenic;
  if (c.emissions && c.emissions_biogenic) biogenic = map_biogenic_species(registry);
  if (biogenic.on() && sources) {
    biogenic.isoprene_tag = registry.tagged("ISOP", sources->names[sources->biogenic]);
    biogenic.monoterpene_tag = registry.tagged("TERP", sources->names[sources->biogenic]);
    biogenic.factor = sources->factors[sources->biogenic];
  }
  // Every emitted field, for output and budgets: the inventory's, then the biogenic ones.
  std::vector<EmittedField> emitted_fields(emitted.list.begin(), emitted.list.end());
  if (biogenic.on()) {
    emitted_fields.push_back(biogenic.isoprene);
    emitted_fields.push_back(biogenic.monoterpene);
  }
  const std::vector<double> column_area_m2 = interior_cell_areas(d);
  State state = make_state(std::move(registry), d.sub, d.grid.nz(), c.start);
  const int n_fields = state.registry.n_fields();
  if (sources) {
    spdlog::info("source apportionment: {} sources, {} tagged fields next to {} bulk ones",
                 state.registry.n_sources(), n_fields - state.registry.n_species(),
                 state.registry.n_species());
  }

  const DeviceGeometry geo = make_device_geometry(d.grid, d.sub, d.geometry);
  const DeviceMeteo met = allocate_device_meteo(geo);
  const std::unique_ptr<MeteoSource> meteo = make_meteo(c, d);
  // The background fills the domain at the start; it and the regional inflow enter through the
  // lateral boundaries.
  const std::vector<int> fields_of_species = species_fields(state.registry);
  // Each source's factor scales what its origin brings (source_apportionment.factors).
  auto factor = [&](int SourceSet::*origin) {
    return sources ? sources->factors[(*sources).*origin] : 1.0;
  };
  const std::vector<double> clean_air =
      species_mixing_ratios(c.chemistry.background, state.registry);
  const std::vector<double> background_in =
      scaled_species(clean_air, fields_of_species, factor(&SourceSet::boundary));
  const std::vector<double> regional_in =
      scaled_species(species_mixing_ratios(c.chemistry.regional_inflow, state.registry),
                     fields_of_species, factor(&SourceSet::regional_inflow));
  std::vector<double> background =
      scaled_species(clean_air, fields_of_species, factor(&SourceSet::initial));
  std::vector<double> boundary(n_fields, 0.0);
  for (int f = 0; f < n_fields; ++f) boundary[f] = background_in[f] + regional_in[f];
  boundary[tracer] = c.tracer.boundary_ug_kg / kUgPerKg;
  if (sources) {
    add_to_source(background, sources->initial, state.registry, background);
    add_to_source(background_in, sources->boundary, state.registry, boundary);
    add_to_source(regional_in, sources->regional_inflow, state.registry, boundary);
  }
  Transport transport(geo, n_fields, boundary, c.kh_m2_s, c.transport_monotone);
  std::unique_ptr<BoundaryFile> boundary_file;
  BoundaryFileSpecies file_species;
  if (!c.boundary_file.empty()) {
    file_species = boundary_file_species(state.registry);
    file_species.species.insert(file_species.species.begin(),
                                {c.tracer.name, "ug kg-1", 1.0 / kUgPerKg});
    file_species.fields.insert(file_species.fields.begin(), tracer);
    boundary_file =
        std::make_unique<BoundaryFile>(c.boundary_file, file_species.species, d.grid.nz());
    // Refuse a file that does not cover the run before anything is written.
    boundary_file->at(c.start);
    boundary_file->at(c.start + 3600 * c.hours);
  }
  // Where each of the file's profiles goes in the inflow: its field and, with tags, the boundary
  // source's tag; the file replaces the regional inflow too, whose tag is emptied.
  struct FileRows {
    std::vector<int> rows;
    int emptied;
    double scale;
  };
  std::vector<FileRows> file_rows;
  for (const int f : file_species.fields) {
    FileRows r{{f}, -1, f == tracer ? 1.0 : factor(&SourceSet::boundary)};
    if (sources && f != tracer) {
      r.rows.push_back(state.registry.first_tag_field(f, sources->boundary));
      r.emptied = state.registry.first_tag_field(f, sources->regional_inflow);
    }
    file_rows.push_back(r);
  }
  const View3D<double> vdep("deposition_velocity", n_fields, d.sub.ny, d.sub.nx);
  Kokkos::deep_copy(Kokkos::subview(vdep, tracer, Kokkos::ALL, Kokkos::ALL),
                    c.tracer.deposition_velocity_m_s);
  const View4D<double> emis = tracer_emissions(c, d, n_fields, tracer);
  auto emis_host = Kokkos::create_mirror_view(emis);
  Kokkos::deep_copy(emis_host, emis);
  std::vector<double> hour_tonnes(emission_model ? emission_model->values() : 0);
  std::vector<double> emitted_kg(emitted_fields.size(), 0.0),
      kg_per_hour(emitted_fields.size(), 0.0);
  const ColumnExchange exchange{emis, vdep};

  // Output: the tracer, then the chemistry's species and PM sums.
  std::vector<OutputQuantity> outputs = {
      {{c.tracer.name, "passive tracer concentration", "ug m-3"}, {tracer}}};
  for (const OutputQuantity& o : chemistry_outputs(state.registry)) outputs.push_back(o);
  std::vector<OutputVariable> variables;
  std::vector<View1D<int>> output_fields;
  for (const OutputQuantity& o : outputs) {
    variables.push_back(o.variable);
    output_fields.push_back(device_vector("output_fields", o.fields));
  }
  ConcWriter writer({c.output.dir,
                     c.output.deflate_level,
                     c.output.file_day_utc_offset_s,
                     c.start,
                     c.config_yaml,
                     "kctm_conc",
                     {},
                     "kctm hourly concentrations"},
                    d.grid, d.sub, d.geometry, d.mask, variables);
  std::unique_ptr<ApportionmentOutput> apportionment_output;
  if (sources) {
    apportionment_output =
        std::make_unique<ApportionmentOutput>(c, d, *sources, state.registry, column_area_m2);
  }
  View3D<float> conc("conc", d.grid.nz(), d.sub.ny, d.sub.nx);
  auto write_record = [&] {
    std::vector<std::vector<float>> records;
    for (const View1D<int>& fields : output_fields) {
      field_concentration(geo, state.air, state.q, fields, kUgPerKg, conc);
      records.push_back(copy_to_host(conc));
    }
    writer.write(state.time, records);
    if (apportionment_output) apportionment_output->write(geo, state);
  };

  const long steps_per_hour = std::lround(3600.0 / c.step_s);
  const long n_steps = c.hours * steps_per_hour;
  // Meteorology is held for each update interval at its mid-point value (every step if it is 0).
  const double update_s = std::max(meteo->update_interval_s(), c.step_s);
  const long steps_per_update = std::lround(update_s / c.step_s);
  RunResult result;
  MeteoSnapshot snapshot = meteo->at(c.start + static_cast<UnixSeconds>(update_s / 2));
  upload_meteo(snapshot, met);
  Kokkos::deep_copy(state.air, met.rho_kg_m3);
  set_background(background, state);
  set_initial_tracer(c, d, state, tracer);
  // Removal of the model species: dry deposition velocities each hour, wet scavenging each step.
  std::vector<std::pair<std::string, int>> deposited;
  for (std::size_t sp = 0; sp < chem::kSpecies.size(); ++sp) {
    if (fields_of_species[sp] >= 0) {
      deposited.emplace_back(std::string(chem::kSpecies[sp].name), fields_of_species[sp]);
    }
  }
  // Tags are removed as their species: the same deposition velocity and scavenging.
  for (int f = state.registry.n_species(); f < n_fields; ++f) {
    deposited.emplace_back(state.registry.field_name(state.registry.bulk_field(f)), f);
  }
  const DeviceSurface surface = allocate_device_surface(geo);
  const chem::DryDeposition dry_deposition(deposited);
  const chem::WetScavengingInputs wet =
      chem::wet_scavenging_inputs(surface, chem::wet_scavenging_coefficients(deposited, n_fields));
  const double mid_lat = d.geometry.lat_deg[d.geometry.at(d.geometry.nx / 2, d.geometry.ny / 2)];
  // Idealised and placeholder meteorology has no surface layer: no dry deposition then.
  auto update_removal = [&](UnixSeconds now) {
    if (deposited.empty() || !(snapshot.surface.t2_k[0] > 0)) return;
    upload_surface(snapshot, surface);
    const int month = local_date(now, c.output.file_day_utc_offset_s).month;
    dry_deposition.fill(surface, chem::wesely_season(month, mid_lat), vdep);
  };
  update_removal(c.start);
  std::unique_ptr<const chem::Chemistry> chemistry;
  chem::ChemistryMeteo chemistry_met;
  if (c.chemistry.enabled) {
    chemistry = std::make_unique<const chem::Chemistry>(fields_of_species, c.chemistry.solver,
                                                        c.chemistry.cloud_ph);
    chemistry_met = allocate_chemistry_meteo(snapshot, d.geometry, d.sub.halo);
    upload_chemistry_meteo(snapshot, d.grid.levels(), chemistry_met);
  }
  std::unique_ptr<const chem::TagAttribution> attribution;
  if (sources) {
    attribution = std::make_unique<const chem::TagAttribution>(
        tag_layout(state.registry, sources->fallback()));
  }
  auto time_at = [&](long step) {
    return c.start + static_cast<UnixSeconds>(std::llround(static_cast<double>(step) * c.step_s));
  };
  // The meteorology of `step`, as of its update interval's first step.
  auto meteo_of_step = [&](long step) {
    return meteo->at(time_at(step - step % steps_per_update) +
                     static_cast<UnixSeconds>(update_s / 2));
  };
  auto update_meteo = [&](long step) {
    snapshot = meteo_of_step(step);
    upload_meteo(snapshot, met);
    if (chemistry) upload_chemistry_meteo(snapshot, d.grid.levels(), chemistry_met);
    update_removal(time_at(step - step % steps_per_update));
  };
  // The emissions of the hour that starts at `hour_time`, with that step's meteorology.
  auto fill_emissions = [&](UnixSeconds hour_time, const MeteoSnapshot& hour_met) {
    if (user_inventory) {
      kg_per_hour =
          fill_user_hour(emitted, *user_inventory, hour_time, routes, hour_tonnes, emis_host);
    } else {
      kg_per_hour = fill_inventory_hour(emitted, *emission_model, hour_time,
                                        plume_layers(*emission_model, hour_met, d.grid.levels()),
                                        routes, hour_tonnes, emis_host);
    }
    if (biogenic.on()) {
      const std::vector<double> kg =
          fill_hourly_biogenic(biogenic, hour_met, column_area_m2, emis_host);
      kg_per_hour.insert(kg_per_hour.end(), kg.begin(), kg.end());
    }
    Kokkos::deep_copy(emis, emis_host);
  };

  // Checkpoints: the state, the budgets, the counters and the open output files.
  const std::string checkpoint_file = checkpoint_path(c.output.dir);
  const CheckpointIdentity identity = checkpoint_identity(d, state.registry, c);
  std::vector<double> initial_kg;
  long first_step = 0;
  if (c.restart_file.empty()) {
    initial_kg = field_masses_kg(geo, state);
    if (c.output.write_initial) write_record();
  } else {
    const Checkpoint cp = read_checkpoint(c.restart_file, identity);
    const std::string& from = c.restart_file;
    if (cp.step >= n_steps) {
      throw Error(from,
                  "the checkpoint is at " +
                      format_iso8601(cp.time, c.output.file_day_utc_offset_s) +
                      ", the run's end or after",
                  "set time.hours beyond it");
    }
    first_step = cp.step;
    state.time = cp.time;
    copy_to_device(cp.array(from, "state.q", state.q.size()), state.q);
    copy_to_device(cp.array(from, "state.air", state.air.size()), state.air);
    initial_kg = cp.array(from, "run.initial_kg", n_fields);
    emitted_kg = cp.array(from, "run.emitted_kg", emitted_kg.size());
    if (chemistry) {
      chemistry->set_step_memory(
          cp.arrays.count("chemistry.h_next")
              ? cp.array(from, "chemistry.h_next",
                         static_cast<std::size_t>(d.grid.nz()) * d.sub.ny * d.sub.nx)
              : std::vector<double>{},
          d.grid.nz(), d.sub.ny, d.sub.nx);
    }
    transport.restore_from(cp, from);
    restore_counters(cp, from, result);
    writer.restore_from(cp, from);
    if (apportionment_output) apportionment_output->restore_from(cp, from);
    spdlog::info("restarted from {} at {}", from,
                 format_iso8601(cp.time, c.output.file_day_utc_offset_s));
  }
  result.tracer.initial_kg = initial_kg[tracer];
  // The time of the checkpoint last written (or restarted from), whose copies the next replaces.
  UnixSeconds last_checkpoint = c.restart_file.empty() ? -1 : state.time;
  auto write_run_checkpoint = [&](long steps_done) {
    Checkpoint cp;
    cp.identity = identity;
    cp.time = state.time;
    cp.step = steps_done;
    const std::string prefix = checkpoint_copy_prefix(state.time);
    cp.arrays["state.q"] = copy_to_host(state.q);
    cp.arrays["state.air"] = copy_to_host(state.air);
    cp.arrays["run.initial_kg"] = initial_kg;
    cp.arrays["run.emitted_kg"] = emitted_kg;
    if (chemistry) cp.arrays["chemistry.h_next"] = chemistry->step_memory();
    transport.save_to(cp);
    save_counters(result, cp);
    writer.save_to(cp, c.output.dir, prefix);
    if (apportionment_output) apportionment_output->save_to(cp, c.output.dir, prefix);
    cp.texts["config"] = c.config_yaml;
    write_checkpoint(checkpoint_file, cp);
    if (last_checkpoint >= 0 && last_checkpoint != state.time)
      remove_checkpoint_copies(c.output.dir, last_checkpoint);
    last_checkpoint = state.time;
    spdlog::info("checkpoint: {} at {}", checkpoint_file,
                 format_iso8601(state.time, c.output.file_day_utc_offset_s));
  };
  // With a boundary file: the constant inflow (field, k), whose rows the file's species replace.
  const int nz = d.grid.nz();
  std::vector<double> inflow;
  for (int f = 0; boundary_file && f < n_fields; ++f) inflow.insert(inflow.end(), nz, boundary[f]);
  auto count_tags = [&](const chem::TagStats& s) {
    result.tag_transport_drift = std::max(result.tag_transport_drift, s.max_drift);
    result.tag_rescaled_cells += s.rescaled_cells;
    result.tag_fallback_cells += s.fallback_cells;
  };
  Progress progress(state.time, 3600.0 * c.hours - static_cast<double>(state.time - c.start),
                    c.progress_interval_s,
                    static_cast<double>(n_fields) * d.sub.nx * d.sub.ny * d.grid.nz(),
                    c.output.file_day_utc_offset_s);
  const long checkpoint_steps = c.checkpoint_interval_hours * steps_per_hour;
  for (long step = first_step; step < n_steps; ++step) {
    // A restart may begin inside an update interval or an hour: their inputs are made anew.
    if (step % steps_per_update == 0 || step == first_step) update_meteo(step);
    if (emission_model && (step % steps_per_hour == 0 || step == first_step)) {
      const long hour_step = step - step % steps_per_hour;
      fill_emissions(time_at(hour_step), hour_step == step ? snapshot : meteo_of_step(hour_step));
    }
    for (std::size_t s = 0; s < emitted_fields.size(); ++s) {
      emitted_kg[s] += kg_per_hour[s] / 3600.0 * c.step_s;
    }
    if (boundary_file) {
      // The file's profiles; every field it lacks keeps its constant inflow.
      const std::vector<double> file_k =
          boundary_file->at(state.time + static_cast<UnixSeconds>(std::lround(c.step_s / 2)));
      for (std::size_t s = 0; s < file_rows.size(); ++s) {
        if (!boundary_file->has(static_cast<int>(s))) continue;
        const FileRows& r = file_rows[s];
        if (r.emptied >= 0) {
          std::fill_n(inflow.begin() + static_cast<std::size_t>(r.emptied) * nz, nz, 0.0);
        }
        for (const int row : r.rows) {
          std::transform(file_k.begin() + s * nz, file_k.begin() + (s + 1) * nz,
                         inflow.begin() + static_cast<std::size_t>(row) * nz,
                         [&](double v) { return v * r.scale; });
        }
      }
      transport.set_boundary(inflow);
    }
    result.transport_wall_s +=
        fenced_seconds([&] { transport.step(state, met, exchange, c.step_s, step % 2 == 1); });
    // The tags back to the bulk transport left: here without chemistry, else in attribute().
    if (attribution) {
      result.tagging_wall_s += fenced_seconds([&] {
        if (chemistry) {
          attribution->hold_bulk(state.q, d.sub.halo);
        } else {
          count_tags(attribution->renormalise(state.q, d.sub.halo));
        }
      });
    }
    if (chemistry) {
      const double mid_s = static_cast<double>(state.time) + 0.5 * c.step_s;
      chem::ChemistryStats stats;
      result.chemistry_wall_s += fenced_seconds([&] {
        stats = chemistry->step(chemistry_met, state.air, state.q, d.sub.halo, mid_s, c.step_s);
      });
      result.chemistry.add(stats);
      if (attribution) {
        result.tagging_wall_s += fenced_seconds(
            [&] { count_tags(attribution->attribute(chemistry_met, state.q, d.sub.halo)); });
      }
      if (stats.failed_cells > 0) {
        throw Error(
            "chemistry at " + format_iso8601(state.time, c.output.file_day_utc_offset_s),
            "the solver ran out of steps in " + std::to_string(stats.failed_cells) + " cells",
            "loosen chemistry.rtol/atol or shorten time.step_s");
      }
    }
    if (!deposited.empty()) transport.scavenge_wet(state, wet, c.step_s);
    state.time = c.start + static_cast<UnixSeconds>(std::llround((step + 1) * c.step_s));
    if ((step + 1) % steps_per_hour == 0) write_record();
    progress.update(state.time, step + 1 - first_step);
    if (stop_requested() && step + 1 < n_steps) {
      write_run_checkpoint(step + 1);
      result.stopped = true;
      result.checkpoint = checkpoint_file;
      result.wall_s = progress.wall_s();
      return result;
    }
    if (checkpoint_steps > 0 && (step + 1) % checkpoint_steps == 0 && step + 1 < n_steps) {
      write_run_checkpoint(step + 1);
    }
  }
  // A finished run needs no checkpoint.
  if (last_checkpoint >= 0) {
    std::error_code ec;
    fs::remove(checkpoint_file, ec);
    remove_checkpoint_copies(c.output.dir, last_checkpoint);
  }
  result.files = writer.finish();
  if (attribution) {
    result.tag_closure = attribution->closure_drift(state.q, d.sub.halo);
    for (const std::string& f : apportionment_output->finish()) result.files.push_back(f);
    result.apportionment_table = apportionment_output->summary().table();
  }
  const std::vector<double> final_kg = field_masses_kg(geo, state);
  result.tracer.final_kg = final_kg[tracer];
  result.tracer.emitted_kg = c.tracer.emission_kg_s * c.step_s * static_cast<double>(n_steps);
  const std::vector<double> budget = transport.budget_kg(tracer);
  result.tracer.inflow_kg = budget[kInflow];
  result.tracer.outflow_kg = budget[kOutflow];
  result.tracer.deposited_kg = deposited_kg(budget);
  std::vector<double> emitted_field_kg(n_fields, 0.0);
  for (std::size_t s = 0; s < emitted_fields.size(); ++s) {
    const int field = emitted_fields[s].field;
    emitted_field_kg[field] += emitted_kg[s];
    const std::vector<double> b = transport.budget_kg(field);
    if (!chemistry) {  // passive species close their own budgets
      result.species.push_back({emitted_fields[s].name,
                                {initial_kg[field], final_kg[field], emitted_kg[s], b[kInflow],
                                 b[kOutflow], deposited_kg(b)}});
    }
  }
  if (carries_species) {
    result.nitrogen = element_budget(Element::Nitrogen, state.registry, initial_kg, final_kg,
                                     emitted_field_kg, transport);
    result.sulfur = element_budget(Element::Sulfur, state.registry, initial_kg, final_kg,
                                   emitted_field_kg, transport);
  }
  result.steps = n_steps;
  result.fields = n_fields;
  result.sources = state.registry.n_sources();
  result.state_bytes = static_cast<double>(state.q.span()) * sizeof(double);
  result.advection_substeps = transport.substeps();
  result.wall_s = progress.wall_s();
  result.nx = d.sub.nx, result.ny = d.sub.ny, result.nz = d.grid.nz();
  return result;
}

}  // namespace kctm
