#include "state/initial_state.hpp"

#include "state/initial_shapes.hpp"

namespace kctm {

void set_background(const std::vector<double>& background, State& state) {
  auto host = Kokkos::create_mirror_view(state.q);
  for (std::size_t f = 0; f < background.size(); ++f) {
    auto field = Kokkos::subview(host, f, Kokkos::ALL, Kokkos::ALL, Kokkos::ALL);
    Kokkos::deep_copy(field, background[f]);
  }
  Kokkos::deep_copy(state.q, host);
}

void set_initial_tracer(const InitialShapeConfig& initial, const GlobalGrid& grid,
                        const Subdomain& b, const GridGeometry& geometry, State& state, int field) {
  if (initial.shape == "none") return;
  auto host = Kokkos::create_mirror_view(state.q);
  Kokkos::deep_copy(host, state.q);
  const double lx = grid.nx() * grid.dx_m(), ly = grid.ny() * grid.dy_m();
  const int h = b.halo;
  for (int k = 0; k < grid.nz(); ++k) {
    for (int j = h; j < h + b.ny; ++j) {
      for (int i = h; i < h + b.nx; ++i) {
        host(field, k, j, i) = initial_shape_kg_kg(initial, geometry.x_m[i] - grid.x0_m(),
                                                   geometry.y_m[j] - grid.y0_m(), lx, ly);
      }
    }
  }
  Kokkos::deep_copy(state.q, host);
}

}  // namespace kctm
