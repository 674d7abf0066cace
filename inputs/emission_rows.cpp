#include "inputs/emission_rows.hpp"

#include <algorithm>

#include "base/error.hpp"

namespace kctm {

std::vector<int> emission_slots(int n_fields, const std::vector<int>& emitted) {
  std::vector<int> slot(static_cast<std::size_t>(n_fields), -1);
  int next = 0;
  for (const int f : emitted) {
    if (f < 0 || f >= n_fields) {
      throw Error("emissions", "emitted field " + std::to_string(f) + " is not among the " +
                                   std::to_string(n_fields) + " fields");
    }
    if (slot[static_cast<std::size_t>(f)] < 0) slot[static_cast<std::size_t>(f)] = next++;
  }
  return slot;
}

EmissionRows::EmissionRows(int n_fields, const std::vector<int>& emitted, int nz, int ny, int nx)
    : slot(emission_slots(n_fields, emitted)) {
  const int slots =
      static_cast<int>(std::count_if(slot.begin(), slot.end(), [](int s) { return s >= 0; }));
  rows = Kokkos::View<double****, Layout, Kokkos::HostSpace>("emissions", slots, nz, ny, nx);
}

}  // namespace kctm
