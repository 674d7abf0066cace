// The vectorised vertical advection against a reference written the plain way: one column at a
// time, each interface's crossing mean from ppm::crossing_mean on the six layers around it, with
// the ground layer repeated below and the air above the top (q_bc) above. Random mixing ratios,
// densities and vertical fluxes of both signs, including inflow through the top; a column count
// that leaves a partly filled block of columns.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "kernels/ppm.hpp"
#include "kernels/vertical_advection.hpp"
#include "transport_box.hpp"

namespace kctm {
namespace {

TEST(VerticalAdvection, MatchesAColumnByColumnReference) {
  test::TransportBox box(37, 3, {20, 30, 50, 80, 120, 200, 300, 500, 800, 1200});
  const int nx = box.nx, ny = box.ny, nz = box.nz, h = box.h, nf = 2;
  const int nxh = nx + 2 * h, nyh = ny + 2 * h;
  std::uint64_t state = 12345;
  auto uniform = [&] {  // a fixed LCG stream: the same numbers everywhere
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) * 0x1.0p-53;
  };
  std::vector<double> q(static_cast<std::size_t>(nf) * nz * nyh * nxh), air(nz * nyh * nxh);
  for (double& x : q) x = uniform();
  for (int k = 0; k < nz; ++k) {
    for (int c = 0; c < nyh * nxh; ++c)
      air[k * nyh * nxh + c] = std::exp(-box.z(k) / 8000) * (0.9 + 0.2 * uniform());
  }
  // Air-mass fluxes through interfaces 1..nz up to 40 % of the smaller neighbouring layer.
  auto mass = [&](int k, int j, int i) {
    return air[(k * nyh + j + h) * nxh + i + h] * box.dx_m * box.dy_m * box.dz_m[k];
  };
  std::vector<double> w((nz + 1) * ny * nx, 0.0);
  for (int k = 1; k <= nz; ++k) {
    for (int j = 0; j < ny; ++j) {
      for (int i = 0; i < nx; ++i) {
        const double room = std::min(mass(k - 1, j, i), k < nz ? mass(k, j, i) : 1e300);
        w[(k * ny + j) * nx + i] = 0.4 * room * (2 * uniform() - 1);
      }
    }
  }
  const std::vector<double> q_bc = {0.3, 0.7};
  std::vector<double> bc(nf * nz);
  for (int n = 0; n < nf; ++n) std::fill_n(bc.begin() + n * nz, nz, q_bc[n]);

  // The reference.
  std::vector<double> expected = q;
  std::vector<double> top_expected(nf * ny * nx);
  for (int n = 0; n < nf; ++n) {
    for (int j = 0; j < ny; ++j) {
      for (int i = 0; i < nx; ++i) {
        auto at = [&](int k) {
          if (k >= nz) return q_bc[n];
          return q[((static_cast<std::size_t>(n) * nz + std::max(k, 0)) * nyh + j + h) * nxh + i +
                   h];
        };
        std::vector<double> flux(nz + 1, 0.0);
        for (int kf = 1; kf <= nz; ++kf) {
          const double flow = w[(kf * ny + j) * nx + i];
          const double m_up = mass(flow >= 0 ? kf - 1 : kf, j, i);
          const double s[6] = {at(kf - 3), at(kf - 2), at(kf - 1), at(kf), at(kf + 1), at(kf + 2)};
          flux[kf] =
              kf == nz && flow < 0 ? flow * q_bc[n] : flow * ppm::crossing_mean(s, flow / m_up);
        }
        top_expected[(n * ny + j) * nx + i] = flux[nz];
        for (int k = 0; k < nz; ++k) {
          const double m = mass(k, j, i);
          const double m_new = m + w[(k * ny + j) * nx + i] - w[((k + 1) * ny + j) * nx + i];
          expected[((static_cast<std::size_t>(n) * nz + k) * nyh + j + h) * nxh + i + h] =
              (m * at(k) + flux[k] - flux[k + 1]) / m_new;
        }
      }
    }
  }

  auto q_dev = device_copy<View4D<double>>("q", q, nf, nz, nyh, nxh);
  auto air_dev = device_copy<View3D<double>>("air", air, nz, nyh, nxh);
  auto w_dev = device_copy<View3D<double>>("w", w, nz + 1, ny, nx);
  auto bc_dev = device_copy<View2D<double>>("bc", bc, nf, nz);
  View3D<double> top("top", nf, ny, nx);
  MassBudget budget("budget", nf, kBudgetColumns);
  advect_vertical(box.geo, w_dev, 1.0, bc_dev, all_fields(static_cast<int>(q_dev.extent(0))), q_dev,
                  air_dev, top, budget);

  const std::vector<double> got = copy_to_host(q_dev), top_got = copy_to_host(top);
  double worst = 0, worst_top = 0;
  for (std::size_t c = 0; c < got.size(); ++c)
    worst = std::max(worst, std::abs(got[c] - expected[c]));
  for (std::size_t c = 0; c < top_got.size(); ++c) {
    worst_top = std::max(
        worst_top, std::abs(top_got[c] - top_expected[c]) / (std::abs(top_expected[c]) + 1e-300));
  }
  std::printf(
      "largest difference from the reference: mixing ratio %.2e, top flux %.2e (relative)\n", worst,
      worst_top);
  EXPECT_LT(worst, 1e-13);
  EXPECT_LT(worst_top, 1e-12);
}

}  // namespace
}  // namespace kctm
