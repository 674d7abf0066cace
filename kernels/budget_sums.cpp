#include "kernels/budget_sums.hpp"

namespace kctm {

namespace {
/// Calls add(f, kg) for the columns of the fields f = field_of(n), n = 0 .. n_fields − 1.
template <class FieldOf, class Add>
void sum_columns(View3D<const double> per_column_kg, int n_fields, FieldOf field_of, Add add) {
  const int ny = static_cast<int>(per_column_kg.extent(1)),
            nx = static_cast<int>(per_column_kg.extent(2));
  Kokkos::parallel_for(
      "kctm::sum_columns", Policy1D(0, n_fields), KOKKOS_LAMBDA(int n) {
        const int f = field_of(n);
        for (int j = 0; j < ny; ++j) {
          for (int i = 0; i < nx; ++i) add(f, per_column_kg(f, j, i));
        }
      });
}
}  // namespace

void add_column_sums(View3D<const double> per_column_kg, MassBudget budget, BudgetColumn column) {
  sum_columns(
      per_column_kg, static_cast<int>(per_column_kg.extent(0)), KOKKOS_LAMBDA(int n) { return n; },
      KOKKOS_LAMBDA(int f, double kg) { budget(f, column) += kg; });
}

void add_column_sums(View3D<const double> per_column_kg, const FieldList& fields, MassBudget budget,
                     BudgetColumn column) {
  sum_columns(
      per_column_kg, static_cast<int>(fields.extent(0)), KOKKOS_LAMBDA(int n) { return fields(n); },
      KOKKOS_LAMBDA(int f, double kg) { budget(f, column) += kg; });
}

void add_column_exchange(View3D<const double> per_column_kg, const FieldList& fields,
                         MassBudget budget) {
  sum_columns(
      per_column_kg, static_cast<int>(fields.extent(0)), KOKKOS_LAMBDA(int n) { return fields(n); },
      KOKKOS_LAMBDA(int f, double kg) {
        if (kg > 0) {
          budget(f, kOutflow) += kg;
        } else {
          budget(f, kInflow) -= kg;
        }
      });
}

}  // namespace kctm
