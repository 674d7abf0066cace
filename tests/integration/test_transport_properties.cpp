// Properties the transport must have on any wind: mass consistency, conservation, monotonicity.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "base/constants.hpp"
#include "kernels/field_mass.hpp"
#include "run/transport.hpp"
#include "transport_box.hpp"

namespace kctm {

namespace {
using constants::kPi;

// A divergent, sheared wind over a 40 km box (divergence up to ~3e-4 s-1), and air whose density
// varies in x, y and z.
double u_divergent(double x, double y, double) {
  return 6 + 2 * std::sin(2 * kPi * x / 40e3) * std::cos(2 * kPi * y / 40e3);
}
double v_divergent(double x, double y, double) {
  return -3 + 1.5 * std::cos(2 * kPi * x / 40e3 + y / 9e3);
}
double rho_varied(double x, double y, double z) {
  return 1.2 * std::exp(-z / 8400) * (1 + 0.15 * std::sin(x / 7e3) * std::cos(y / 11e3));
}
// A closed box: air-mass fluxes from the stream function ψ = A sin²(πx/L) sin²(πy/L) [kg m-1 s-1
// per m of height], zero on the sides, divided by the face density so that ρ u is discretely
// divergence-free and continuity asks for no vertical flux.
constexpr double kBox = 40e3, kPsi = 1.2 * 8e3;
double psi(double x, double y) {
  return kPsi * std::pow(std::sin(kPi * x / kBox), 2) * std::pow(std::sin(kPi * y / kBox), 2);
}

State state_in(const test::TransportBox& box, View4D<double> q) {
  View3D<double> air("air", box.nz, box.ny + 2 * box.h, box.nx + 2 * box.h);
  Kokkos::deep_copy(air, box.met.rho_kg_m3);
  return {FieldRegistry(), q, air, 0};
}

std::pair<double, double> interior_range(const test::TransportBox& box, const View4D<double>& q) {
  const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), q);
  double lo = 1e300, hi = -1e300;
  for (int n = 0; n < static_cast<int>(q.extent(0)); ++n)
    for (int k = 0; k < box.nz; ++k)
      for (int j = box.h; j < box.h + box.ny; ++j)
        for (int i = box.h; i < box.h + box.nx; ++i)
          lo = std::min(lo, host(n, k, j, i)), hi = std::max(hi, host(n, k, j, i));
  return {lo, hi};
}
}  // namespace

TEST(TransportProperties, UniformMixingRatioStaysUniformUnderDivergentWindAndVaryingDensity) {
  test::TransportBox box(40, 40, {50, 100, 250, 600, 1500});
  box.set_winds(u_divergent, v_divergent);
  box.set_density(rho_varied, 20.0);
  box.upload();
  State state = state_in(box, box.field(2, [](double, double, double) { return 1.0; }));
  Transport transport(box.geo, 2, box.inflow({1.0, 1.0}));
  const ColumnExchange no_emis = test::no_exchange(2, box.nz, box.ny, box.nx);
  for (int step = 0; step < 20; ++step) transport.step(state, box.met, no_emis, 300.0, step % 2);
  const auto [lo, hi] = interior_range(box, state.q);
  EXPECT_NEAR(lo, 1.0, 1e-12);
  EXPECT_NEAR(hi, 1.0, 1e-12);
  EXPECT_GT(transport.substeps(), 20 * 3) << "the wind must be strong enough to need sub-steps";
}

TEST(TransportProperties, ClosedBoxConservesMassAndCreatesNoExtrema) {
  test::TransportBox box(40, 40, {50, 100, 250, 600, 1500});
  const double d = 1e3;  // cell size
  box.set_winds(
      [d](double x, double y, double z) {
        const double rho = 0.5 * (rho_varied(x - d / 2, y, z) + rho_varied(x + d / 2, y, z));
        return (psi(x, y + d / 2) - psi(x, y - d / 2)) / (d * rho);
      },
      [d](double x, double y, double z) {
        const double rho = 0.5 * (rho_varied(x, y - d / 2, z) + rho_varied(x, y + d / 2, z));
        return -(psi(x + d / 2, y) - psi(x - d / 2, y)) / (d * rho);
      });
  box.set_density(rho_varied, 20.0);
  box.upload();
  // A cone and a plateau: sharp edges and a peak for the limiter to guard.
  State state = state_in(box, box.field(1, [](double x, double y, double) {
    const double r = std::hypot(x - 15e3, y - 20e3);
    return std::max(0.0, 1 - r / 8e3) +
           ((std::abs(x - 28e3) < 4e3 && std::abs(y - 22e3) < 6e3) ? 0.5 : 0.0);
  }));
  Transport transport(box.geo, 1, box.inflow({0.0}));
  const ColumnExchange no_emis = test::no_exchange(1, box.nz, box.ny, box.nx);
  const double m0 = field_mass_kg(box.geo, state.air, state.q, 0);
  const auto [lo0, hi0] = interior_range(box, state.q);
  for (int step = 0; step < 40; ++step) {
    transport.step(state, box.met, no_emis, 300.0, step % 2);
    const auto [lo, hi] = interior_range(box, state.q);
    ASSERT_GE(lo, lo0 - 1e-14) << "step " << step;
    ASSERT_LE(hi, hi0 + 1e-12) << "step " << step;
  }
  const double m1 = field_mass_kg(box.geo, state.air, state.q, 0);
  std::cout << "closed box, 40 steps: relative mass change " << (m1 - m0) / m0 << "\n";
  EXPECT_NEAR(m1 / m0, 1.0, 1e-12);
  // Nothing crosses the sides; through the top only the round-off of ψ differences.
  EXPECT_LT(transport.budget_kg(0)[kInflow], 1e-14 * m0);
  EXPECT_LT(transport.budget_kg(0)[kOutflow], 1e-14 * m0);
}

namespace {

/// Mixing ratios of field 0 after `steps` steps of 300 s in a 1 km box of the levels `dz` [m], each
/// with its own westerly wind `u` [m s-1]: a bump and a step in x, the air from the west 0.2.
std::vector<double> after_westerlies(const std::vector<double>& dz, const std::vector<double>& u,
                                     int steps) {
  test::TransportBox box(30, 4, dz);
  const auto u_of = [&](double z) {
    for (int k = 0; k < box.nz; ++k) {
      if (std::abs(z - box.z(k)) < 1e-6) return u[k];
    }
    return 0.0;
  };
  box.set_winds([&](double, double, double z) { return u_of(z); },
                [](double, double, double) { return 0.0; });
  box.set_density([](double, double, double) { return 1.2; });
  box.upload();
  State state = state_in(box, box.field(1, [](double x, double, double) {
    return 0.2 + std::exp(-std::pow((x - 8e3) / 3e3, 2)) + (x > 16e3 && x < 22e3 ? 0.7 : 0.0);
  }));
  Transport transport(box.geo, 1, box.inflow({0.2}));
  const ColumnExchange no_emis = test::no_exchange(1, box.nz, box.ny, box.nx);
  for (int step = 0; step < steps; ++step) transport.step(state, box.met, no_emis, 300.0, step % 2);
  const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), state.q);
  std::vector<double> out;
  for (int k = 0; k < box.nz; ++k)
    for (int i = box.h; i < box.h + box.nx; ++i) out.push_back(host(0, k, box.h + 1, i));
  return out;
}

}  // namespace

TEST(TransportProperties, EachLevelTakesTheSubStepsOfItsOwnCourantNumber) {
  // Courant numbers 0.4, 1.8 and 0.9 per 300 s step on 1 km cells: one, two and one sub-steps.
  const std::vector<double> dz = {50, 100, 250}, u = {4.0 / 3.0, 6.0, 3.0};
  const std::vector<double> together = after_westerlies(dz, u, 6);
  const std::size_t nx = together.size() / dz.size();
  for (std::size_t k = 0; k < dz.size(); ++k) {
    // The level alone: the sub-steps its own wind needs, whatever the others' need.
    const std::vector<double> alone = after_westerlies({dz[k]}, {u[k]}, 6);
    for (std::size_t i = 0; i < nx; ++i) {
      EXPECT_NEAR(together[k * nx + i], alone[i], 1e-13) << "level " << k << ", cell " << i;
    }
  }
}

TEST(TransportProperties, FieldsThatStayAreNotTouchedAndTheOthersMoveAsIfAlone) {
  test::TransportBox box(40, 40, {50, 100, 250, 600, 1500});
  box.set_winds(u_divergent, v_divergent);
  box.set_density(rho_varied, 20.0);
  box.upload();
  auto cone = [](double x, double y, double z) {
    return std::max(0.0, 1 - std::hypot(x - 15e3, y - 20e3) / 8e3) * std::exp(-z / 500);
  };
  // Three copies of a cone near the ground, deposited at 1 cm s-1 and diffused both ways; the
  // middle one stays where it is.
  auto run = [&](const std::vector<int>& staying) {
    State state = state_in(box, box.field(3, cone));
    const View3D<double> vdep("vdep", 3, box.ny, box.nx);
    Kokkos::deep_copy(vdep, 0.01);
    const ColumnExchange base = test::no_exchange(3, box.nz, box.ny, box.nx);
    const ColumnExchange exchange{base.emis_kg_s, base.emission_slot, vdep};
    Transport transport(box.geo, 3, box.inflow({0.1, 0.1, 0.1}), 50.0, true, nullptr, staying);
    for (int step = 0; step < 6; ++step) transport.step(state, box.met, exchange, 300.0, step % 2);
    std::vector<double> budget;
    for (int f = 0; f < 3; ++f) {
      for (double kg : transport.budget_kg(f)) budget.push_back(kg);
    }
    return std::make_pair(Kokkos::create_mirror_view_and_copy(HostSpace(), state.q), budget);
  };
  const auto [moved, moved_budget] = run({});
  const auto [kept, kept_budget] = run({1});
  const auto start = Kokkos::create_mirror_view_and_copy(HostSpace(), box.field(3, cone));
  int changed = 0;
  for (int k = 0; k < box.nz; ++k) {
    for (int j = box.h; j < box.h + box.ny; ++j) {
      for (int i = box.h; i < box.h + box.nx; ++i) {
        EXPECT_EQ(kept(1, k, j, i), start(1, k, j, i));
        EXPECT_EQ(kept(0, k, j, i), moved(0, k, j, i));
        EXPECT_EQ(kept(2, k, j, i), moved(2, k, j, i));
        changed += moved(1, k, j, i) != start(1, k, j, i);
      }
    }
  }
  EXPECT_GT(changed, box.nz * box.ny * box.nx / 10) << "the wind must move the cone";
  for (int c = 0; c < kBudgetColumns; ++c) {
    EXPECT_EQ(kept_budget[kBudgetColumns + c], 0.0) << "budget column " << c;
    EXPECT_EQ(kept_budget[c], moved_budget[c]) << "budget column " << c;
  }
  EXPECT_GT(moved_budget[kBudgetColumns + kDeposited], 0.0);
}

}  // namespace kctm
