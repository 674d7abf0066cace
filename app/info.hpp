#pragma once
#include <string>

namespace kctm {

/// What `kctm info` prints: kctm, Kokkos (version, execution space, concurrency), MPI, NetCDF,
/// HDF5, PROJ and yaml versions. Kokkos must be initialised.
std::string build_info();

}  // namespace kctm
