#include "run/budgets.hpp"

#include <algorithm>
#include <filesystem>

#include "kernels/field_mass.hpp"
#include "run/run.hpp"
#include "run/run_checkpoint.hpp"

namespace kctm {

std::vector<double> field_masses_kg(const DeviceGeometry& geo, const State& state,
                                    const Decomposition& ranks) {
  std::vector<double> kg(state.registry.n_fields());
  for (int f = 0; f < state.registry.n_fields(); ++f)
    kg[f] = ranks.sum(field_mass_kg(geo, state.air, state.q, f));
  return kg;
}

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

RunResult reduced_counters(const RunResult& r, const Decomposition& ranks) {
  RunResult out = r;
  ChemistryTotals& t = out.chemistry;
  for (long* n : {&t.solver_steps, &t.rejected, &t.clipped, &t.failed_cells, &t.cell_steps}) {
    *n = ranks.sum(*n);
  }
  out.tag_transport_drift = ranks.max(r.tag_transport_drift);
  out.tag_rescaled_cells = ranks.sum(r.tag_rescaled_cells);
  out.tag_fallback_cells = ranks.sum(r.tag_fallback_cells);
  return out;
}

double deposited_kg(const std::vector<double>& budget) {
  return budget[kDeposited] + budget[kWetDeposited];
}

RunResult Run::finish(double wall_s) {
  const RunConfig& c = config;
  // A finished run needs no checkpoint.
  if (last_checkpoint_ >= 0 && ranks.root()) {
    std::error_code ec;
    std::filesystem::remove(checkpoint_file_, ec);
    remove_checkpoint_copies(c.output.dir, last_checkpoint_);
  }
  result.files = output.finish();
  if (attribution) {
    result.tag_closure = ranks.max(attribution->closure_drift(state.q, block.halo));
    result.apportionment_table = output.apportionment_table();
  }
  const RunResult counters = reduced_counters(result, ranks);
  result.chemistry = counters.chemistry;
  result.tag_transport_drift = counters.tag_transport_drift;
  result.tag_rescaled_cells = counters.tag_rescaled_cells;
  result.tag_fallback_cells = counters.tag_fallback_cells;
  const int tracer = fields.tracer, n_fields = state.registry.n_fields();
  const std::vector<double> final_kg = field_masses_kg(geo, state, ranks);
  result.tracer.final_kg = final_kg[tracer];
  result.tracer.emitted_kg = c.tracer.emission_kg_s * c.step_s * static_cast<double>(n_steps);
  const std::vector<double> budget = transport.budget_kg(tracer);
  result.tracer.inflow_kg = budget[kInflow];
  result.tracer.outflow_kg = budget[kOutflow];
  result.tracer.deposited_kg = deposited_kg(budget);
  const std::vector<double>& emitted_kg = inputs.emitted_kg;
  std::vector<double> emitted_field_kg(n_fields, 0.0);
  for (std::size_t s = 0; s < fields.emitted_fields.size(); ++s) {
    const int field = fields.emitted_fields[s].field;
    emitted_field_kg[field] += emitted_kg[s];
    const std::vector<double> b = transport.budget_kg(field);
    if (!chemistry) {  // passive species close their own budgets
      result.species.push_back({fields.emitted_fields[s].name,
                                {initial_kg_[field], final_kg[field], emitted_kg[s], b[kInflow],
                                 b[kOutflow], deposited_kg(b)}});
    }
  }
  if (fields.carries_species) {
    result.nitrogen = element_budget(Element::Nitrogen, state.registry, initial_kg_, final_kg,
                                     emitted_field_kg, transport);
    result.sulfur = element_budget(Element::Sulfur, state.registry, initial_kg_, final_kg,
                                   emitted_field_kg, transport);
  }
  result.steps = n_steps;
  result.fields = n_fields;
  result.sources = state.registry.n_sources();
  result.state_bytes = static_cast<double>(state.q.span()) * sizeof(double);
  result.advection_substeps = transport.substeps();
  result.wall_s = wall_s;
  result.nx = domain.grid.nx(), result.ny = domain.grid.ny(), result.nz = domain.grid.nz();
  return result;
}

RunResult Run::stopped(double wall_s) {
  result.stopped = true;
  result.checkpoint = checkpoint_file_;
  result.wall_s = wall_s;
  return result;
}

}  // namespace kctm
