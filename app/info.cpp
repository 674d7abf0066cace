#include "app/info.hpp"

#include <H5public.h>
#include <mpi.h>
#include <netcdf.h>
#include <proj.h>

#include <sstream>

#include "base/version.hpp"
#include "kernels/kokkos_types.hpp"

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
  out << "MPI: " << mpi.substr(0, mpi.find_first_of(",\n")) << " (single rank in this version)\n";
  std::string nc = nc_inq_libvers();
  out << "NetCDF-C: " << nc.substr(0, nc.find(' ')) << "\n";
  unsigned maj = 0, min = 0, rel = 0;
  H5get_libversion(&maj, &min, &rel);
  out << "HDF5: " << maj << "." << min << "." << rel << "\n";
  out << "PROJ: " << proj_info().version << "\n";
  return out.str();
}

}  // namespace kctm
