#include "run/memory_estimate.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>

#include "chemistry/device_mechanism.hpp"
#include "chemistry/species.hpp"

namespace kctm {

namespace {

// What a run holds besides its gridded arrays: the code, Kokkos, MPI, the inventory's tables,
// the county outlines [bytes] (measured: peak RSS of a 27 km run, 0.12 GB).
constexpr double kFixedBytes = 100e6;
// Layers of the block's meteorology on the host (the snapshot of the interval and the one in use,
// ~15 3-D fields each) and on the device (~20).
constexpr double kMeteoHostFields = 30, kMeteoDeviceFields = 20;
// Output quantities written per layer (floats), gathered on rank 0.
constexpr double kOutputFields = 40;

/// A cgroup's memory limit [bytes] (v2, then v1); 0 when there is none.
double cgroup_limit() {
  for (const char* path :
       {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
    std::ifstream in(path);
    std::string text;
    if (in >> text && text != "max") {
      try {
        return std::stod(text);
      } catch (const std::exception&) {
      }
    }
  }
  return 0;
}

}  // namespace

double estimate_rank_bytes(const RunConfig& c, const GlobalGrid& grid, const Subdomain& block,
                           const FieldRegistry& registry, int emitted_fields, bool root) {
  const double f = registry.n_fields(), e = emitted_fields, nz = grid.nz();
  const double global = nz * grid.nx() * grid.ny();
  const double interior = nz * block.nx * block.ny;
  const double haloed = nz * block.nx_with_halo() * block.ny_with_halo();
  double doubles =
      f * haloed                          // the state
      + 2 * e * interior                  // the hour's emissions of the block, host and device
      + f * block.nx * block.ny           // every field's dry deposition velocity per column
      + f * haloed                        // a checkpoint's host copy of the state
      + (c.kh_m2_s > 0 ? f * haloed : 0)  // horizontal diffusion's scratch
      + static_cast<double>(chem::kSpecies.size()) * interior  // the bulk the tags are held to
      + (kMeteoHostFields + kMeteoDeviceFields) * haloed;
  // The chemistry's coefficients held while the meteorology holds (at most every reaction's).
  if (c.chemistry.enabled) doubles += chem::kMaxReactions * interior;
  // Rank 0 gathers a checkpoint; an hour's output (floats).
  if (root) doubles += f * global + kOutputFields * global / 2;
  return kFixedBytes + 8 * doubles;
}

double available_bytes() {
  const double physical =
      static_cast<double>(sysconf(_SC_PHYS_PAGES)) * static_cast<double>(sysconf(_SC_PAGE_SIZE));
  const double limit = cgroup_limit();
  return limit > 0 ? std::min(physical, limit) : physical;
}

double peak_resident_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return 1024.0 * static_cast<double>(usage.ru_maxrss);  // kB on Linux
}

std::string gib(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g GiB", bytes / (1024.0 * 1024.0 * 1024.0));
  return buf;
}

}  // namespace kctm
