#pragma once
// Per-field sums of per-column masses into the mass budget, one thread per field summing its
// columns in a fixed order, so budgets are the same on every run and thread count.
#include "kernels/transport_views.hpp"

namespace kctm {

/// Adds Σ per_column_kg(field, j, i) to budget(field, column) [kg], for every field.
void add_column_sums(View3D<const double> per_column_kg, MassBudget budget, BudgetColumn column);
/// The same for each field of `fields`.
void add_column_sums(View3D<const double> per_column_kg, const FieldList& fields, MassBudget budget,
                     BudgetColumn column);

/// Adds the positive parts of per_column_kg (mass leaving) to kOutflow and the negative parts
/// (mass entering) to kInflow [kg], for each field of `fields`.
void add_column_exchange(View3D<const double> per_column_kg, const FieldList& fields,
                         MassBudget budget);

}  // namespace kctm
