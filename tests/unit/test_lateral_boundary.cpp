// The lateral boundary fills exactly the halo cells beyond the global domain's sides that the
// block touches, with the outside air, and leaves every other cell as it was.
#include <gtest/gtest.h>

#include "kernels/lateral_boundary.hpp"
#include "transport_box.hpp"

namespace kctm {
namespace {

struct Sides {
  bool west, east, south, north;
};

void check_sides(Sides sides) {
  test::TransportBox box(7, 5, {100.0, 200.0});
  box.geo.at_west = sides.west, box.geo.at_east = sides.east;
  box.geo.at_south = sides.south, box.geo.at_north = sides.north;
  box.set_density([](double x, double y, double z) { return 1.0 + 1e-6 * (x + 2 * y) + 1e-5 * z; });
  box.upload();
  const int n_fields = 3, h = box.h, nxh = box.nx + 2 * h, nyh = box.ny + 2 * h;
  View4D<double> q = box.field(n_fields, [](double, double, double) { return -1.0; });
  View3D<double> air("air", box.nz, nyh, nxh);
  Kokkos::deep_copy(air, -2.0);
  View2D<double> q_bc("q_bc", n_fields, box.nz);
  auto bc = Kokkos::create_mirror_view(q_bc);
  for (int n = 0; n < n_fields; ++n)
    for (int k = 0; k < box.nz; ++k) bc(n, k) = 10.0 * n + k;
  Kokkos::deep_copy(q_bc, bc);

  apply_lateral_boundary(box.geo, box.met, q_bc, all_fields(static_cast<int>(q.extent(0))), q, air);

  const auto qh = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), q);
  const auto ah = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), air);
  const auto rho = Kokkos::create_mirror_view_and_copy(Kokkos::HostSpace(), box.met.rho_kg_m3);
  for (int k = 0; k < box.nz; ++k) {
    for (int j = 0; j < nyh; ++j) {
      for (int i = 0; i < nxh; ++i) {
        const bool beyond = (sides.west && i < h) || (sides.east && i >= h + box.nx) ||
                            (sides.south && j < h) || (sides.north && j >= h + box.ny);
        EXPECT_EQ(ah(k, j, i), beyond ? rho(k, j, i) : -2.0) << k << " " << j << " " << i;
        for (int n = 0; n < n_fields; ++n) {
          EXPECT_EQ(qh(n, k, j, i), beyond ? bc(n, k) : -1.0)
              << n << " " << k << " " << j << " " << i;
        }
      }
    }
  }
}

TEST(LateralBoundary, FillsEveryHaloCellBeyondAllFourSides) {
  check_sides({true, true, true, true});
}

TEST(LateralBoundary, FillsOnlyTheSidesTheBlockTouches) {
  check_sides({true, false, false, true});
  check_sides({false, true, true, false});
  check_sides({false, false, false, false});
}

}  // namespace
}  // namespace kctm
