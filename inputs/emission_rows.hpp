#pragma once
// The emission arrays of a run hold only the fields that take emissions: of the default
// apportioned run's fields most are tags of secondary species or of kinds no emission brings, and
// an array per field over the whole grid would be as large as the state itself and read by every
// step's vertical diffusion. Each emitted field has a slot; the writers of emitted_species.hpp
// address EmissionRows by field as they would a view of every field.
#include <cstddef>
#include <vector>

#include "kernels/kokkos_types.hpp"

namespace kctm {

/// Per field its slot among `emitted` (in the order given, repeats once), −1 for the others.
std::vector<int> emission_slots(int n_fields, const std::vector<int>& emitted);

/// Slots of emissions (slot, k, j, i) on the host [kg s-1 per cell], addressed by field.
struct EmissionRows {
  Kokkos::View<double****, Layout, Kokkos::HostSpace> rows;
  std::vector<int> slot;  ///< per field (emission_slots)

  /// The grid's `nz` × `ny` × `nx` cells for the fields of `emitted` among `n_fields`, zero.
  EmissionRows(int n_fields, const std::vector<int>& emitted, int nz, int ny, int nx);

  /// Cell (k, j, i) of `field`, which must take emissions (have a slot).
  double& operator()(int field, std::size_t k, std::size_t j, std::size_t i) const {
    return rows(slot[static_cast<std::size_t>(field)], k, j, i);
  }
  /// The extents of (slot, k, j, i): extent(0) is the number of slots.
  std::size_t extent(int dim) const { return rows.extent(dim); }
};

}  // namespace kctm
