// Implicit vertical diffusion: conservation, the analytic spreading of a Gaussian, stability.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "kernels/field_mass.hpp"
#include "kernels/vertical_diffusion.hpp"
#include "transport_box.hpp"

namespace kctm {

namespace {
std::vector<double> column(const View4D<double>& q, int h, int nz) {
  const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), q);
  std::vector<double> c(nz);
  for (int k = 0; k < nz; ++k) c[k] = host(0, k, h, h);
  return c;
}

// Runs diffuse_vertical n times; returns the deposited mass per field [kg].
std::vector<double> diffuse(const test::TransportBox& box, double dt, int n,
                            const ColumnExchange& ex, View4D<double> q) {
  const int nf = static_cast<int>(q.extent(0));
  const View3D<double> scratch("column_kg", nf, box.ny, box.nx);
  const MassBudget budget("budget", nf, kBudgetColumns);
  for (int s = 0; s < n; ++s) {
    diffuse_vertical(box.geo, box.met, box.met.rho_kg_m3, dt, ex,
                     all_fields(static_cast<int>(q.extent(0))), q, scratch, budget);
  }
  const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), budget);
  std::vector<double> deposited;
  for (int f = 0; f < nf; ++f) deposited.push_back(host(f, kDeposited));
  return deposited;
}

// The default levels: 21 stretched layers to 10 km.
const std::vector<double> kDefaultThickness = {20,  25,  35,  45,   55,   70,   90,
                                               110, 140, 170, 210,  260,  320,  400,
                                               500, 650, 850, 1100, 1450, 1700, 1800};
}  // namespace

TEST(VerticalDiffusion, ConservesColumnMassAndAddsExactlyTheEmissions) {
  test::TransportBox box(3, 2, kDefaultThickness);
  box.set_density(
      [](double x, double, double z) { return 1.2 * std::exp(-z / 8400) * (1 + x / 1e5); });
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> kz(0.1, 300.0);
  for (double& k : box.snap.kz_m2_s) k = kz(rng);
  box.upload();
  View4D<double> q =
      box.field(2, [](double x, double, double z) { return 1e-9 * (1 + std::sin(z / 300 + x)); });
  const ColumnExchange none = test::no_exchange(2, box.nz, box.ny, box.nx);
  // One emission slot, field 1's: field 0 takes none.
  View4D<double> emis("emis", 1, box.nz, box.ny, box.nx);
  Kokkos::deep_copy(Kokkos::subview(emis, 0, 0, Kokkos::ALL, Kokkos::ALL), 2.5);  // kg/s per cell
  const View1D<int> slot = device_vector("emission_slot", std::vector<int>{-1, 0});
  const double m0 = field_mass_kg(box.geo, box.met.rho_kg_m3, q, 0);
  const double e0 = field_mass_kg(box.geo, box.met.rho_kg_m3, q, 1);
  diffuse(box, 600.0, 10, {emis, slot, none.vdep_m_s}, q);
  EXPECT_NEAR(field_mass_kg(box.geo, box.met.rho_kg_m3, q, 0) / m0, 1.0, 1e-13);
  const double emitted = 2.5 * 600.0 * 10 * box.nx * box.ny;
  EXPECT_NEAR((field_mass_kg(box.geo, box.met.rho_kg_m3, q, 1) - e0) / emitted, 1.0, 1e-12);
}

TEST(VerticalDiffusion, GaussianSpreadsAsTheAnalyticSolution) {
  // 60 layers of 50 m, constant Kz and density: a Gaussian far from the ends keeps its shape with
  // σ² = σ0² + 2 Kz t. Backward Euler in 100 steps of 20 s: first-order time error well below 1 %.
  const double kz = 10.0, sigma0 = 150.0, z0 = 1500.0, t = 2000.0;
  test::TransportBox box(1, 1, std::vector<double>(60, 50.0));
  box.set_density([](double, double, double) { return 1.0; }, kz);
  box.upload();
  View4D<double> q = box.field(1, [&](double, double, double z) {
    return std::exp(-(z - z0) * (z - z0) / (2 * sigma0 * sigma0));
  });
  diffuse(box, t / 100, 100, test::no_exchange(1, box.nz, 1, 1), q);
  const double sigma2 = sigma0 * sigma0 + 2 * kz * t;
  const std::vector<double> c = column(q, box.h, box.nz);
  double max_err = 0, peak = 0;
  for (int k = 0; k < box.nz; ++k) {
    const double z = box.z(k);
    const double exact = sigma0 / std::sqrt(sigma2) * std::exp(-(z - z0) * (z - z0) / (2 * sigma2));
    max_err = std::max(max_err, std::abs(c[k] - exact));
    peak = std::max(peak, exact);
  }
  EXPECT_LT(max_err / peak, 0.01);
}

TEST(VerticalDiffusion, StableAndPositiveWithLargeKzAndHourSteps) {
  test::TransportBox box(2, 2, kDefaultThickness);
  box.set_density([](double, double, double z) { return 1.2 * std::exp(-z / 8400); }, 1000.0);
  box.upload();
  View4D<double> q = box.field(1, [](double, double, double z) { return z < 100 ? 1.0 : 0.0; });
  const ColumnExchange none = test::no_exchange(1, box.nz, box.ny, box.nx);
  const double m0 = field_mass_kg(box.geo, box.met.rho_kg_m3, q, 0);
  for (int s = 0; s < 24; ++s) {
    diffuse(box, 3600.0, 1, none, q);
    for (double v : column(q, box.h, box.nz)) ASSERT_GE(v, 0.0);
  }
  // Round-off only, amplified by the stiffness (dt Kz / dz² ≈ 1e4 in the 20 m layer): 1e-12.
  EXPECT_NEAR(field_mass_kg(box.geo, box.met.rho_kg_m3, q, 0) / m0, 1.0, 1e-12);
  // A day of Kz = 1000 m2/s mixes the 10 km column: the mixing ratio is nearly uniform.
  const std::vector<double> c = column(q, box.h, box.nz);
  EXPECT_NEAR(c.front() / c.back(), 1.0, 0.05);
}

}  // namespace kctm

namespace kctm {

TEST(VerticalDiffusion, DepositionIsImplicitAndItsMassIsCounted) {
  // One layer: q' = q / (1 + dt v_d / dz) exactly, and the lost mass is what the budget counts.
  const double vd = 0.01, dt = 3600.0, dz = 50.0;
  test::TransportBox one(2, 2, {dz});
  one.set_density([](double, double, double) { return 1.1; });
  one.upload();
  View4D<double> q = one.field(1, [](double, double, double) { return 1e-9; });
  ColumnExchange ex = test::no_exchange(1, 1, 2, 2);
  const View3D<double> vdep("vdep", 1, 2, 2);
  Kokkos::deep_copy(vdep, vd);
  ex.vdep_m_s = vdep;
  const double m0 = field_mass_kg(one.geo, one.met.rho_kg_m3, q, 0);
  const double deposited = diffuse(one, dt, 1, ex, q)[0];
  EXPECT_NEAR(column(q, one.h, 1)[0], 1e-9 / (1 + dt * vd / dz), 1e-24);
  EXPECT_NEAR((m0 - field_mass_kg(one.geo, one.met.rho_kg_m3, q, 0)) / deposited, 1.0, 1e-12);

  // A mixed column: mass lost equals mass deposited, and values stay positive at any v_d.
  test::TransportBox box(2, 2, kDefaultThickness);
  box.set_density([](double, double, double z) { return 1.2 * std::exp(-z / 8400); }, 50.0);
  box.upload();
  View4D<double> qc = box.field(1, [](double, double, double z) { return 1e-9 * (1 + z / 1e4); });
  ColumnExchange exc = test::no_exchange(1, box.nz, 2, 2);
  const View3D<double> fast("vdep", 1, 2, 2);
  Kokkos::deep_copy(fast, 5.0);
  exc.vdep_m_s = fast;
  const double mc0 = field_mass_kg(box.geo, box.met.rho_kg_m3, qc, 0);
  const double dep = diffuse(box, 1800.0, 12, exc, qc)[0];
  EXPECT_NEAR((mc0 - field_mass_kg(box.geo, box.met.rho_kg_m3, qc, 0)) / dep, 1.0, 1e-12);
  for (double v : column(qc, box.h, box.nz)) EXPECT_GT(v, 0.0);
}

}  // namespace kctm
