#pragma once
#include <string>

#include "base/data_dir.hpp"
#include "config/run_config.hpp"

namespace kctm {

/// What `kctm info` prints: kctm, Kokkos (version, execution space, concurrency), MPI, NetCDF,
/// HDF5, PROJ and yaml versions. Kokkos must be initialised.
std::string build_info();

/// The data folder `data` and which of the data sets (base/data_dir.hpp) it holds.
std::string data_info(const DataDir& data);

/// What `kctm info CONFIG` adds: the run's grid and fields, and its memory estimate on `ranks`
/// MPI ranks (run/memory_estimate.hpp) beside what this machine has.
std::string run_info(const RunConfig& config, int ranks);

}  // namespace kctm
