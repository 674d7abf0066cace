// The set-up of a run (run/run.hpp), in the order its parts depend on each other.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>

#include "apportionment/setup.hpp"
#include "base/error.hpp"
#include "inputs/device_inputs.hpp"
#include "inputs/emissions_setup.hpp"
#include "kernels/horizontal_advection.hpp"
#include "run/memory_estimate.hpp"
#include "run/run.hpp"
#include "run/run_checkpoint.hpp"
#include "state/chemistry_fields.hpp"
#include "state/model_species.hpp"

namespace kctm {

namespace {

/// Reports the grid before the fields are set up.
RunFields reported_fields(const RunConfig& c, const Domain& d, const Decomposition& ranks) {
  if (ranks.size() > 1) {
    spdlog::info("{} ranks: {} x {} blocks of about {} x {} cells", ranks.size(), ranks.px(),
                 ranks.py(), d.grid.nx() / ranks.px(), d.grid.ny() / ranks.py());
  }
  spdlog::info("grid {} x {} x {} cells of {:.3g} km ({} units in the mask)", d.grid.nx(),
               d.grid.ny(), d.grid.nz(), d.grid.dx_m() / 1000, d.mask.units.size());
  RunFields fields = set_up_fields(c, d, ranks.block());
  const std::vector<int> emitted = fields_taking_emissions(fields);
  const std::vector<int> staying = staying_fields(fields.registry);
  for (int f : emitted) {
    if (std::find(staying.begin(), staying.end(), f) != staying.end()) {
      throw Error(c.emissions_speciation_file.empty() ? "emissions.speciation_file"
                                                      : c.emissions_speciation_file,
                  "emits " + fields.registry.field_name(f) +
                      ", a short-lived radical that transport leaves in place",
                  "speciate into long-lived species only");
    }
  }
  // Refused before the state is allocated when the ranks on a machine would not fit in it.
  const double mine = estimate_rank_bytes(c, d.grid, ranks.block(), fields.registry,
                                          static_cast<int>(emitted.size()), ranks.root());
  const double machine = ranks.node_sum(mine), available = available_bytes();
  spdlog::info("memory: about {} on this machine's ranks, {} available", gib(machine),
               gib(available));
  // Every rank refuses together (rank 0 says why): the machines' memory may differ.
  const double worst = ranks.max(machine / available);
  if (worst > 1) {
    const Error refusal("grid of " + std::to_string(d.grid.nx()) + " x " +
                            std::to_string(d.grid.ny()) + " x " + std::to_string(d.grid.nz()) +
                            " cells and " + std::to_string(fields.registry.n_fields()) + " fields",
                        ranks.size() == 1
                            ? "the run needs about " + gib(machine) + " of memory, " +
                                  gib(available) + " are available"
                            : "the ranks of one machine need up to " +
                                  std::to_string(static_cast<int>(std::ceil(worst * 100))) +
                                  " % of its memory (rank 0's: " + gib(machine) + " of " +
                                  gib(available) + ")",
                        "a coarser grid.dx_km, fewer sources, or more machines (MPI ranks)");
    throw SharedError(refusal.what());
  }
  return fields;
}

State state_of(RunFields& fields, const Subdomain& block, int nz, UnixSeconds start) {
  State state = make_state(std::move(fields.registry), block, nz, start);
  const FieldRegistry& r = state.registry;
  if (fields.sources) {
    spdlog::info("source apportionment: {} sources, {} tagged fields next to {} bulk ones",
                 r.n_sources(), r.n_fields() - r.n_species(), r.n_species());
  }
  return state;
}

}  // namespace

Run::Run(const RunConfig& c)
    : config(c),
      domain(build_domain(c, kAdvectionHalo)),
      ranks(domain.grid, kAdvectionHalo, chem::LaneCount<chem::ChemValue>::value),
      folder(claim_output_folder(c, ranks)),
      block(ranks.block()),
      block_geometry(compute_geometry(domain.grid, block)),
      fields(reported_fields(c, domain, ranks)),
      state(state_of(fields, block, domain.grid.nz(), c.start)),
      geo(make_device_geometry(domain.grid, block, block_geometry)),
      column_area_m2(interior_cell_areas(domain)),
      initial_air(
          boundary_air(c, state.registry, fields.sources.get(), fields.tracer, c.start).initial),
      inputs(c, domain, ranks, block_geometry, geo, column_area_m2, fields, state.registry,
             c.chemistry.enabled),
      inflow(config, state.registry, fields.sources.get(), fields.tracer, domain.grid.levels()),
      transport(geo, state.registry.n_fields(), inflow.at(c.start), c.kh_m2_s, c.transport_monotone,
                &ranks, staying_fields(state.registry)),
      output(c, domain, ranks, state.registry, fields.tracer, fields.sources.get(), block,
             column_area_m2, folder.run_id),
      steps_per_hour(std::lround(3600.0 / c.step_s)),
      n_steps(c.hours * steps_per_hour),
      checkpoint_file_(checkpoint_path(c.output.dir)),
      identity_(checkpoint_identity(domain, state.registry, c)) {
  if (c.chemistry.enabled) {
    chemistry =
        std::make_unique<const chem::Chemistry>(species_fields(state.registry), c.chemistry.solver);
  }
  if (fields.sources) {
    attribution = std::make_unique<const chem::TagAttribution>(
        tag_layout(state.registry, fields.sources->fallback()));
  }
}

void Run::count_tags(const chem::TagStats& s) {
  result.tag_transport_drift = std::max(result.tag_transport_drift, s.max_drift);
  result.tag_rescaled_cells += s.rescaled_cells;
  result.tag_fallback_cells += s.fallback_cells;
}

}  // namespace kctm
