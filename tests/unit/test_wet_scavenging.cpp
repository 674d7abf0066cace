// Wet scavenging on small columns: removed + remaining mass = initial mass, the exact exponential
// decay of a uniform column, no removal without rain, insoluble species untouched, the cloud top
// and boundary-layer top as the raining column's top, and SO2's equilibrium cap.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "deposition/wet_scavenging.hpp"
#include "inputs/device_inputs.hpp"
#include "kernels/field_mass.hpp"
#include "transport_box.hpp"

namespace kctm::chem {

namespace {

// HNO3, SULF, PMC, SO2, O3, NO, ALK, H2O2 as fields 0..7.
const std::vector<std::pair<std::string, int>> kFields = {{"HNO3", 0}, {"SULF", 1}, {"PMC", 2},
                                                          {"SO2", 3},  {"O3", 4},   {"NO", 5},
                                                          {"ALK", 6},  {"H2O2", 7}};
constexpr int kNf = 8;

// 10 layers of 200 m, density 1.1 kg m-3 everywhere, 285 K.
struct RainBox {
  test::TransportBox box{3, 2, std::vector<double>(10, 200.0)};
  DeviceSurface surface;
  RainBox() {
    box.set_density([](double, double, double) { return 1.1; });
    std::fill(box.snap.temperature_k.begin(), box.snap.temperature_k.end(), 285.0);
    std::fill(box.snap.surface.pblh_m.begin(), box.snap.surface.pblh_m.end(), 700.0);
    box.upload();
    surface = allocate_device_surface(box.geo);
  }
  /// Cloud water [kg kg-1] in layers [k0, k1] of every column.
  void cloud(int k0, int k1, double kg_kg) {
    for (int k = k0; k <= k1; ++k) {
      for (int j = 0; j < box.ny; ++j) {
        for (int i = 0; i < box.nx; ++i) box.snap.cloud_water_kg_kg[box.snap.cell(k, j, i)] = kg_kg;
      }
    }
  }
  void rain(double mm_h) {
    std::fill(box.snap.surface.precip_mm_h.begin(), box.snap.surface.precip_mm_h.end(), mm_h);
  }
  /// Runs n steps of dt; returns the budget's wet deposition per field [kg].
  std::vector<double> scavenge(View4D<double> q, double dt, int n) {
    upload_surface(box.snap, surface);
    const auto coefficients = wet_scavenging_coefficients(kFields, kNf);
    const WetScavengingInputs in = wet_scavenging_inputs(surface, coefficients);
    const View3D<double> scratch("column_kg", kNf, box.ny, box.nx);
    const MassBudget budget("budget", kNf, kBudgetColumns);
    for (int s = 0; s < n; ++s) {
      scavenge_wet(box.geo, box.met.rho_kg_m3, in, dt, q, scratch, budget);
    }
    const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), budget);
    std::vector<double> wet;
    for (int f = 0; f < kNf; ++f) {
      wet.push_back(host(f, kWetDeposited));
      EXPECT_EQ(host(f, kInflow), 0.0);
      EXPECT_EQ(host(f, kOutflow), 0.0);
      EXPECT_EQ(host(f, kDeposited), 0.0);
    }
    return wet;
  }
};

}  // namespace

TEST(WetScavenging, RemovedPlusRemainingIsInitialMass) {
  RainBox rb;
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (double& p : rb.box.snap.surface.precip_mm_h) p = 8 * u(rng);
  rb.box.snap.surface.precip_mm_h[0] = 0;
  for (double& c : rb.box.snap.cloud_water_kg_kg) c = u(rng) < 0.4 ? 3e-4 * u(rng) : 0.0;
  View4D<double> q = rb.box.field(kNf, [&](double, double, double) { return 1e-9 * u(rng); });
  std::vector<double> m0;
  for (int f = 0; f < kNf; ++f) m0.push_back(field_mass_kg(rb.box.geo, rb.box.met.rho_kg_m3, q, f));
  const std::vector<double> wet = rb.scavenge(q, 900.0, 8);
  for (int f = 0; f < kNf; ++f) {
    const double m = field_mass_kg(rb.box.geo, rb.box.met.rho_kg_m3, q, f);
    // Round-off of a few hundred additions of positive terms: 1e-13 relative.
    EXPECT_NEAR((m + wet[f]) / m0[f], 1.0, 1e-13) << kFields[f].first;
    EXPECT_GE(wet[f], 0.0);
  }
  EXPECT_GT(wet[0], 0.01 * m0[0]) << "HNO3 is scavenged";
  EXPECT_GT(wet[2], 0.01 * m0[2]) << "PMC is scavenged";
}

TEST(WetScavenging, UniformColumnDecaysAsTheAnalyticSolution) {
  // Cloud in layers 2..5 (cloud top: layer 5), 2.5 mm/h for 6 × 600 s. HNO3 and PMC: Λ = λ R in
  // every layer up to the top; SULF: 1e-4 R in cloud, 1e-5 R below; above the top nothing.
  RainBox rb;
  rb.cloud(2, 5, 2e-4);
  rb.rain(2.5);
  const double q0 = 3e-9, t = 3600.0;
  View4D<double> q = rb.box.field(kNf, [&](double, double, double) { return q0; });
  rb.scavenge(q, t / 6, 6);
  const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), q);
  const int h = rb.box.h;
  for (int k = 0; k < rb.box.nz; ++k) {
    const bool raining = k <= 5, in_cloud = k >= 2 && k <= 5;
    const double hno3 = raining ? q0 * std::exp(-6e-5 * 2.5 * t) : q0;
    const double sulf = raining ? q0 * std::exp(-(in_cloud ? 1e-4 : 1e-5) * 2.5 * t) : q0;
    const double pmc = raining ? q0 * std::exp(-1e-4 * 2.5 * t) : q0;
    for (int j = h; j < h + rb.box.ny; ++j) {
      for (int i = h; i < h + rb.box.nx; ++i) {
        // Six products of exp(−Λ dt) against one exp(−Λ t): a few ulps.
        EXPECT_NEAR(host(0, k, j, i) / hno3, 1.0, 1e-13) << "HNO3 layer " << k;
        EXPECT_NEAR(host(1, k, j, i) / sulf, 1.0, 1e-13) << "SULF layer " << k;
        EXPECT_NEAR(host(2, k, j, i) / pmc, 1.0, 1e-13) << "PMC layer " << k;
      }
    }
  }
}

TEST(WetScavenging, SulfurDioxideCappedByEquilibriumWithTheDrops) {
  // No cloud: the raining column is the boundary layer (700 m: layers 0..3, 800 m deep). At pH 4.5
  // H* = 1.23 (1 + 1.3e-2 / 10^-4.5) M/atm; Λ = min(3e-5 R, R H* R_gas T / 800 m).
  RainBox rb;
  rb.rain(1.0);
  const double q0 = 1e-9, t = 1800.0;
  View4D<double> q = rb.box.field(kNf, [&](double, double, double) { return q0; });
  rb.scavenge(q, t / 3, 3);
  const double h_star = 1.23 * (1 + 1.3e-2 / std::pow(10.0, -4.5));
  const double cap = 1e-3 / 3600 * h_star * constants::kGasConstantLatm * 285.0 / 800.0;
  ASSERT_LT(cap, 3e-5) << "the cap binds";
  const auto host = Kokkos::create_mirror_view_and_copy(HostSpace(), q);
  const int h = rb.box.h;
  for (int k = 0; k < rb.box.nz; ++k) {
    const double so2 = k <= 3 ? q0 * std::exp(-cap * t) : q0;
    const double hno3 = k <= 3 ? q0 * std::exp(-6e-5 * t) : q0;
    EXPECT_NEAR(host(3, k, h, h) / so2, 1.0, 1e-13) << "SO2 layer " << k;
    EXPECT_NEAR(host(0, k, h, h) / hno3, 1.0, 1e-13) << "HNO3 layer " << k;
  }
}

TEST(WetScavenging, NothingWithoutRainAndInsolubleUntouched) {
  RainBox rb;
  rb.cloud(0, 9, 5e-4);  // cloud but no rain
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  View4D<double> q = rb.box.field(kNf, [&](double, double, double) { return 1e-9 * u(rng); });
  View4D<double> q_start("q_start", q.layout());
  Kokkos::deep_copy(q_start, q);
  const std::vector<double> dry = rb.scavenge(q, 600.0, 2);
  auto a = Kokkos::create_mirror_view_and_copy(HostSpace(), q);
  const auto b = Kokkos::create_mirror_view_and_copy(HostSpace(), q_start);
  for (std::size_t n = 0; n < a.size(); ++n) ASSERT_EQ(a.data()[n], b.data()[n]);
  for (double w : dry) EXPECT_EQ(w, 0.0);
  // Heavy rain: O3, NO, ALK (fields 4–6) bitwise unchanged, nothing booked for them.
  rb.rain(20.0);
  const std::vector<double> wet = rb.scavenge(q, 600.0, 2);
  a = Kokkos::create_mirror_view_and_copy(HostSpace(), q);
  for (int f = 4; f <= 6; ++f) {
    EXPECT_EQ(wet[f], 0.0);
    for (int k = 0; k < rb.box.nz; ++k) {
      for (int j = 0; j < rb.box.ny + 2 * rb.box.h; ++j) {
        for (int i = 0; i < rb.box.nx + 2 * rb.box.h; ++i) {
          ASSERT_EQ(a(f, k, j, i), b(f, k, j, i)) << kFields[f].first;
        }
      }
    }
  }
  EXPECT_GT(wet[7], 0.0) << "H2O2 is scavenged";
}

TEST(WetScavenging, UnknownSpeciesAndWrongTableSize) {
  EXPECT_THROW(wet_coefficients("XYZ"), Error);
  RainBox rb;
  View4D<double> q = rb.box.field(3, [](double, double, double) { return 1.0; });
  const auto coefficients = wet_scavenging_coefficients(kFields, kNf);
  const View3D<double> scratch("column_kg", 3, rb.box.ny, rb.box.nx);
  const MassBudget budget("budget", 3, kBudgetColumns);
  EXPECT_THROW(
      scavenge_wet(rb.box.geo, rb.box.met.rho_kg_m3,
                   wet_scavenging_inputs(rb.surface, coefficients), 60.0, q, scratch, budget),
      Error);
}

}  // namespace kctm::chem
