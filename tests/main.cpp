// GoogleTest main for kctm: MPI and Kokkos live for the whole test binary.
#include <gtest/gtest.h>

#include <cstdlib>

#include "kernels/kokkos_types.hpp"
#include "parallel/decomposition.hpp"

int main(int argc, char** argv) {
  setenv("OMP_PROC_BIND", "false", 0);  // tests may share cores with each other
  ::testing::InitGoogleTest(&argc, argv);
  const kctm::MpiSession mpi(argc, argv);  // runs are one rank here
  Kokkos::ScopeGuard kokkos(argc, argv);
  return RUN_ALL_TESTS();
}
