#include "app/info.hpp"

#include <H5public.h>
#include <mpi.h>
#include <netcdf.h>
#include <proj.h>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <vector>

#include "base/version.hpp"
#include "chemistry/lanes.hpp"
#include "grids/subdomain.hpp"
#include "kernels/horizontal_advection.hpp"
#include "kernels/kokkos_types.hpp"
#include "parallel/decomposition.hpp"
#include "run/memory_estimate.hpp"
#include "run/run_fields.hpp"
#include "state/domain.hpp"

namespace kctm {

std::string build_info() {
  std::ostringstream out;
  out << "kctm " << kVersion << "\n";
  out << "Kokkos " << KOKKOS_VERSION / 10000 << "." << KOKKOS_VERSION / 100 % 100 << "."
      << KOKKOS_VERSION % 100 << "\n";
  out << "  execution space: " << ExecSpace::name() << "\n";
  out << "  concurrency: " << ExecSpace().concurrency()
      << (std::string(ExecSpace::name()) == "OpenMP" ? " threads" : "") << "\n";
  out << "  memory space: " << MemSpace::name() << "\n";
  char mpi_version[MPI_MAX_LIBRARY_VERSION_STRING];
  int len = 0;
  MPI_Get_library_version(mpi_version, &len);
  std::string mpi(mpi_version, len);
  out << "MPI: " << mpi.substr(0, mpi.find_first_of(",\n")) << "\n";
  std::string nc = nc_inq_libvers();
  out << "NetCDF-C: " << nc.substr(0, nc.find(' ')) << "\n";
  unsigned maj = 0, min = 0, rel = 0;
  H5get_libversion(&maj, &min, &rel);
  out << "HDF5: " << maj << "." << min << "." << rel << "\n";
  out << "PROJ: " << proj_info().version << "\n";
  return out.str();
}

std::string data_info(const DataDir& data) {
  std::ostringstream out;
  out << "data folder: " << data.path << " (" << data.origin << ")\n";
  for (const DataSet& set : data_sets()) {
    std::error_code ec;
    const bool found =
        std::filesystem::is_regular_file(std::filesystem::path(data.path) / set.path, ec);
    out << "  " << (found ? "found   " : "missing ") << set.path << ": " << set.name << " ("
        << set.used_by << ")\n";
  }
  return out.str();
}

std::string run_info(const RunConfig& config, int ranks) {
  const Domain d = build_domain(config, kAdvectionHalo);
  const RunFields fields = set_up_fields(config, d, d.sub);
  int px = 1, py = 1;
  choose_block_grid(ranks, d.grid.nx(), d.grid.ny(), px, py);
  // As the run splits it (run/run_setup.cpp): blocks aligned to the chemistry's lanes.
  const std::vector<Subdomain> blocks =
      block_decomposition(d.grid, px, py, kAdvectionHalo, chem::LaneCount<chem::ChemValue>::value);
  const int emitted = static_cast<int>(fields_taking_emissions(fields).size());
  const double root =
      estimate_rank_bytes(config, d.grid, blocks[0], fields.registry, emitted, true);
  double total = root, largest_other = 0;
  for (std::size_t b = 1; b < blocks.size(); ++b) {
    const double bytes =
        estimate_rank_bytes(config, d.grid, blocks[b], fields.registry, emitted, false);
    total += bytes;
    largest_other = std::max(largest_other, bytes);
  }
  std::ostringstream out;
  out << "run: " << d.grid.nx() << " x " << d.grid.ny() << " x " << d.grid.nz() << " cells of "
      << d.grid.dx_m() / 1000 << " km, " << fields.registry.n_fields() << " fields ("
      << fields.registry.n_species() << " species, "
      << fields.registry.n_fields() - fields.registry.n_species() << " tags)\n";
  out << "memory estimate on " << ranks << " rank" << (ranks > 1 ? "s" : "") << " (" << px << " x "
      << py << " blocks): " << gib(total) << " in all, " << gib(root) << " on rank 0";
  if (ranks > 1) out << ", up to " << gib(largest_other) << " on each other rank";
  out << "\nmemory available here: " << gib(available_bytes()) << "\n";
  return out.str();
}

}  // namespace kctm
