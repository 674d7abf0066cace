#include "run/run_result.hpp"

#include <algorithm>

namespace kctm {

double TracerBudget::relative_imbalance() const {
  const double scale = std::max({emitted_kg + inflow_kg, initial_kg, 1e-300});
  return (final_kg - initial_kg - emitted_kg - inflow_kg + outflow_kg + deposited_kg) / scale;
}

}  // namespace kctm
