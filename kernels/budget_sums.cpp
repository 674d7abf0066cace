#include "kernels/budget_sums.hpp"

namespace kctm {

namespace {
template <class Add>
void sum_columns(View3D<const double> per_column_kg, Add add) {
  const int ny = static_cast<int>(per_column_kg.extent(1)),
            nx = static_cast<int>(per_column_kg.extent(2));
  Kokkos::parallel_for(
      "kctm::sum_columns", Policy1D(0, per_column_kg.extent(0)), KOKKOS_LAMBDA(int n) {
        for (int j = 0; j < ny; ++j) {
          for (int i = 0; i < nx; ++i) add(n, per_column_kg(n, j, i));
        }
      });
}
}  // namespace

void add_column_sums(View3D<const double> per_column_kg, MassBudget budget, BudgetColumn column) {
  sum_columns(
      per_column_kg, KOKKOS_LAMBDA(int n, double kg) { budget(n, column) += kg; });
}

void add_column_exchange(View3D<const double> per_column_kg, MassBudget budget) {
  sum_columns(
      per_column_kg, KOKKOS_LAMBDA(int n, double kg) {
        if (kg > 0) {
          budget(n, kOutflow) += kg;
        } else {
          budget(n, kInflow) -= kg;
        }
      });
}

}  // namespace kctm
