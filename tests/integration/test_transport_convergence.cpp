// Order of convergence of the advection on smooth profiles, against the exact translated solution.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "base/constants.hpp"
#include "run/transport.hpp"
#include "transport_box.hpp"

namespace kctm {

namespace {
constexpr double kSigma = 8e3;  // Gaussian width [m]
using constants::kPi;

// Exact mean of exp(−((x − c)/σ)²) over [a, b].
double gaussian_mean(double a, double b, double c) {
  return 0.5 * std::sqrt(kPi) * kSigma * (std::erf((b - c) / kSigma) - std::erf((a - c) / kSigma)) /
         (b - a);
}

struct Norms {
  double l1, l2, linf;
};

// Advects a Gaussian (in x, or in x and y) across a 100 km box with a uniform wind for 4000 s at
// Courant number 0.5 on n × n (2-D) or n × 1 (1-D) cells; returns error norms of the cell means.
Norms advect_gaussian(int n, bool two_d) {
  const double length = 100e3, dx = length / n, u = 10.0, v = two_d ? 5.0 : 0.0;
  test::TransportBox box(n, two_d ? n : 1, {1000.0}, dx, two_d ? dx : 1000.0);
  box.set_winds([u](double, double, double) { return u; },
                [v](double, double, double) { return v; });
  box.set_density([](double, double, double) { return 1.0; });
  box.upload();
  const double x0 = 30e3, y0 = 30e3;
  auto exact = [&](double x, double y, double shift_x, double shift_y) {
    const double gx = gaussian_mean(x - dx / 2, x + dx / 2, x0 + shift_x);
    return two_d ? gx * gaussian_mean(y - dx / 2, y + dx / 2, y0 + shift_y) : gx;
  };
  View4D<double> q = box.field(1, [&](double x, double y, double) { return exact(x, y, 0, 0); });
  View3D<double> air("air", 1, box.ny + 2 * box.h, box.nx + 2 * box.h);
  Kokkos::deep_copy(air, 1.0);
  State state{FieldRegistry(), q, air, 0};
  Transport transport(box.geo, 1, box.inflow({0.0}));
  const ColumnExchange no_emis = test::no_exchange(1, 1, box.ny, box.nx);
  const double dt = 0.5 * dx / u, t_end = 4000.0;
  const int steps = static_cast<int>(std::lround(t_end / dt));
  for (int s = 0; s < steps; ++s) transport.step(state, box.met, no_emis, dt, s % 2);
  const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), state.q);
  Norms e{0, 0, 0};
  double sum_exact = 0;
  for (int j = box.h; j < box.h + box.ny; ++j) {
    for (int i = box.h; i < box.h + box.nx; ++i) {
      const double ex = exact(box.x(i), box.y(j), u * t_end, v * t_end);
      const double d = std::abs(host(0, 0, j, i) - ex);
      e.l1 += d, e.l2 += d * d, e.linf = std::max(e.linf, d), sum_exact += ex;
    }
  }
  return {e.l1 / sum_exact, std::sqrt(e.l2) / sum_exact, e.linf};
}

// Prints the convergence table and returns the L1 orders between successive resolutions.
std::vector<double> convergence_table(const char* title, const std::vector<int>& sizes,
                                      bool two_d) {
  std::printf("%s\n%8s %12s %12s %12s %8s\n", title, "cells", "L1", "L2", "Linf", "order");
  std::vector<double> orders;
  Norms prev{};
  for (std::size_t r = 0; r < sizes.size(); ++r) {
    const Norms e = advect_gaussian(sizes[r], two_d);
    const double order = r ? std::log2(prev.l1 / e.l1) : 0;
    if (r) orders.push_back(order);
    std::printf("%8d %12.4e %12.4e %12.4e %8.2f\n", sizes[r], e.l1, e.l2, e.linf, order);
    prev = e;
  }
  return orders;
}
}  // namespace

TEST(TransportConvergence, SmoothGaussianIn1DConvergesAtSecondOrderOrBetter) {
  const auto orders = convergence_table(
      "1-D Gaussian, sigma = 8 km, Courant 0.5 (L1, L2 relative to the exact mass)",
      {25, 50, 100, 200, 400}, false);
  // Once the Gaussian spans several cells the scheme is at least second order in L1.
  for (std::size_t r = 1; r < orders.size(); ++r)
    EXPECT_GE(orders[r], 2.0) << "resolution step " << r;
}

TEST(TransportConvergence, SmoothGaussianIn2DConvergesAtSecondOrderOrBetter) {
  const auto orders = convergence_table("2-D Gaussian, diagonal wind, Strang-alternated sweeps",
                                        {25, 50, 100, 200}, true);
  for (std::size_t r = 1; r < orders.size(); ++r)
    EXPECT_GE(orders[r], 2.0) << "resolution step " << r;
}

}  // namespace kctm
