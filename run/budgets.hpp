#pragma once
// The mass budgets of a run: every field's mass, an element's (N or S) budget from the fields'
// masses and the transport's exchanges, and the counters summed over the ranks.
#include <vector>

#include "kernels/transport_views.hpp"
#include "parallel/decomposition.hpp"
#include "run/run_result.hpp"
#include "run/transport.hpp"
#include "state/chemistry_fields.hpp"
#include "state/state.hpp"

namespace kctm {

/// Mass of every field in the interior of all blocks [kg] (every rank calls it).
std::vector<double> field_masses_kg(const DeviceGeometry& geo, const State& state,
                                    const Decomposition& ranks);

/// The budget of an element (N or S) over the run from per-field masses and transport budgets.
TracerBudget element_budget(Element e, const FieldRegistry& registry,
                            const std::vector<double>& initial_kg,
                            const std::vector<double>& final_kg,
                            const std::vector<double>& emitted_kg, const Transport& transport);

/// `r` with its solver and tagging counters summed (the drift: the largest) over the ranks.
RunResult reduced_counters(const RunResult& r, const Decomposition& ranks);

/// Dry and wet deposition of a field's budget (Transport::budget_kg) [kg].
double deposited_kg(const std::vector<double>& budget);

}  // namespace kctm
