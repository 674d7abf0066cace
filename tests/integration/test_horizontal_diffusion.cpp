// Explicit horizontal diffusion through Transport: conservation, the analytic spreading of a
// Gaussian, and positivity when Kh dt is far above the explicit limit (sub-steps).
#include <gtest/gtest.h>

#include <cmath>

#include "kernels/field_mass.hpp"
#include "run/transport.hpp"
#include "transport_box.hpp"

namespace kctm {

namespace {
// Calm air (no wind, no Kz): only horizontal diffusion acts.
test::TransportBox calm_box(int n, double rho_variation) {
  test::TransportBox box(n, n, {500.0});
  box.set_winds([](double, double, double) { return 0.0; },
                [](double, double, double) { return 0.0; });
  box.set_density([=](double x, double y, double) {
    return 1.2 * (1 + rho_variation * std::sin(x / 9e3) * std::cos(y / 7e3));
  });
  box.upload();
  return box;
}

State state_of(const test::TransportBox& box, View4D<double> q) {
  View3D<double> air("air", box.nz, box.ny + 2 * box.h, box.nx + 2 * box.h);
  Kokkos::deep_copy(air, box.met.rho_kg_m3);
  return {FieldRegistry(), q, air, 0};
}
}  // namespace

TEST(HorizontalDiffusion, GaussianSpreadsAsTheAnalyticSolution) {
  // 2-D: a Gaussian of σ0 = 5 km becomes σ² = σ0² + 2 Kh t with peak σ0²/σ²; 1 km cells.
  const double kh = 1000.0, sigma0 = 5e3, t = 1e4, c0 = 40e3;
  test::TransportBox box = calm_box(80, 0.0);
  auto gaussian = [&](double x, double y, double s2) {
    return sigma0 * sigma0 / s2 * std::exp(-((x - c0) * (x - c0) + (y - c0) * (y - c0)) / (2 * s2));
  };
  State state = state_of(box, box.field(1, [&](double x, double y, double) {
    return gaussian(x, y, sigma0 * sigma0);
  }));
  Transport transport(box.geo, 1, box.inflow({0.0}), kh);
  const ColumnExchange none = test::no_exchange(1, 1, box.ny, box.nx);
  for (int s = 0; s < 20; ++s) transport.step(state, box.met, none, t / 20, s % 2);
  const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), state.q);
  const double s2 = sigma0 * sigma0 + 2 * kh * t;
  double max_err = 0;
  for (int j = box.h; j < box.h + box.ny; ++j) {
    for (int i = box.h; i < box.h + box.nx; ++i) {
      max_err = std::max(max_err, std::abs(host(0, 0, j, i) - gaussian(box.x(i), box.y(j), s2)));
    }
  }
  // Errors: O(dx²/σ²) in space and O(dt) in time (explicit sub-steps): well below 1 % of the peak.
  EXPECT_LT(max_err / (sigma0 * sigma0 / s2), 0.01);
}

TEST(HorizontalDiffusion, ConservesMassAndStaysInRangeFarBeyondTheExplicitLimit) {
  test::TransportBox box = calm_box(30, 0.3);
  State state = state_of(box, box.field(1, [](double x, double y, double) {
    return (std::abs(x - 12e3) < 4e3 && std::abs(y - 15e3) < 6e3) ? 1.0 : 0.0;
  }));
  // Kh dt / dx² = 18 per 1 h step with Kh = 5000 m2/s on 1 km cells: 70 × the explicit limit.
  Transport transport(box.geo, 1, box.inflow({0.0}), 5000.0);
  const ColumnExchange none = test::no_exchange(1, 1, box.ny, box.nx);
  const double m0 = field_mass_kg(box.geo, state.air, state.q, 0);
  for (int s = 0; s < 4; ++s) {
    transport.step(state, box.met, none, 3600.0, s % 2);
    const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), state.q);
    for (int j = box.h; j < box.h + box.ny; ++j) {
      for (int i = box.h; i < box.h + box.nx; ++i) {
        ASSERT_GE(host(0, 0, j, i), 0.0);
        ASSERT_LE(host(0, 0, j, i), 1.0 + 1e-14);
      }
    }
  }
  EXPECT_GT(transport.substeps(), 4 * 50);
  EXPECT_NEAR(field_mass_kg(box.geo, state.air, state.q, 0) / m0, 1.0, 1e-13);
}

}  // namespace kctm
