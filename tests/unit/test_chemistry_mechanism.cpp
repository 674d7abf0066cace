// The mechanism as data: every reaction keeps nitrogen and sulfur atoms, the compiled sparse LU
// solves the same systems as a dense one, and rate coefficients match their evaluations' values.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "base/constants.hpp"
#include "chemistry/kctm_c1_system.hpp"
#include "chemistry/mechanism.hpp"
#include "chemistry/photolysis.hpp"
#include "chemistry/rosenbrock.hpp"
#include "chemistry/species.hpp"

namespace kctm::chem {
namespace {

TEST(ChemistryMechanism, EveryReactionKeepsNitrogenAndSulfur) {
  const std::vector<Reaction> reactions = kctm_c1_reactions();
  for (std::size_t r = 0; r < reactions.size(); ++r) {
    double n = 0, s = 0;
    for (std::string_view name : reactions[r].reactants) {
      n -= kSpecies[species_index(name)].n_atoms;
      s -= kSpecies[species_index(name)].s_atoms;
    }
    for (const auto& [yield, name] : reactions[r].products) {
      n += yield * kSpecies[species_index(name)].n_atoms;
      s += yield * kSpecies[species_index(name)].s_atoms;
    }
    EXPECT_NEAR(n, 0.0, 1e-12) << "reaction " << r + 1 << " (" << reactions[r].source << ")";
    EXPECT_NEAR(s, 0.0, 1e-12) << "reaction " << r + 1;
  }
}

TEST(ChemistryMechanism, UnknownSpeciesIsRefusedByReaction) {
  std::vector<Reaction> reactions = kctm_c1_reactions();
  reactions[3].products.push_back({1.0, "NOPE"});
  try {
    compile_mechanism(reactions);
    FAIL() << "expected an error";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("reaction 4"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("NOPE"), std::string::npos) << e.what();
  }
}

TEST(ChemistryMechanism, SparseLuSolvesLikeDenseElimination) {
  const CompiledMechanism m = compile_mechanism(kctm_c1_reactions());
  const DeviceMechanism d = make_device_mechanism(m);
  const int n = m.n_variables();
  std::printf(
      "KCTM-C1: %d variables, %d reactions, %d nonzeros with fill (dense %d), %zu "
      "eliminations\n",
      n, m.n_reactions(), m.n_nonzeros(), n * n, m.lu_lower.size());
  EXPECT_LT(m.n_nonzeros(), n * n / 2);
  // A random well-conditioned matrix on the pattern, factorised sparse and solved, against a
  // dense Gaussian elimination of the same matrix.
  std::vector<double> k(m.n_reactions()), y(n);
  for (int r = 0; r < m.n_reactions(); ++r) k[r] = 1e-3 * (1 + (r * 37 % 11));
  for (int v = 0; v < n; ++v) y[v] = 1.0 + (v * 13 % 7);
  std::vector<double> a(m.n_nonzeros());
  d.factorise(k.data(), y.data(), 10.0, a.data());
  std::vector<double> dense(n * n, 0.0);
  for (std::size_t e = 0; e < m.jac_nonzero.size(); ++e) {
    const int nz = m.jac_nonzero[e];
    const int row =
        static_cast<int>(std::upper_bound(m.row_offset.begin(), m.row_offset.end(), nz) -
                         m.row_offset.begin()) -
        1;
    const int p = m.jac_partner[e];
    dense[row * n + m.column[nz]] -=
        m.jac_coefficient[e] * k[m.jac_reaction[e]] * (p >= 0 ? y[p] : 1.0);
  }
  for (int v = 0; v < n; ++v) dense[v * n + v] += 10.0;
  std::vector<double> b(n), x(n);
  for (int v = 0; v < n; ++v) b[v] = x[v] = std::sin(v + 1.0);
  d.lu_solve(a.data(), x.data());
  for (int c = 0; c < n; ++c) {  // dense forward elimination and back substitution
    for (int r = c + 1; r < n; ++r) {
      const double f = dense[r * n + c] / dense[c * n + c];
      for (int j = c; j < n; ++j) dense[r * n + j] -= f * dense[c * n + j];
      b[r] -= f * b[c];
    }
  }
  for (int r = n - 1; r >= 0; --r) {
    for (int j = r + 1; j < n; ++j) b[r] -= dense[r * n + j] * b[j];
    b[r] /= dense[r * n + r];
  }
  for (int v = 0; v < n; ++v) EXPECT_NEAR(x[v], b[v], 1e-12 * (1 + std::abs(b[v])));
}

TEST(ChemistryMechanism, GeneratedCodeMatchesTheTables) {
  const CompiledMechanism m = compile_mechanism(kctm_c1_reactions());
  check_generated_kctm_c1(m);
  const DeviceMechanism d = make_device_mechanism(m);
  const int n = m.n_variables();
  std::vector<double> k(m.n_reactions()), y(n), f1(n), f2(n), a1(m.n_nonzeros()),
      a2(m.n_nonzeros()), x1(n), x2(n);
  for (int r = 0; r < m.n_reactions(); ++r) k[r] = std::exp(-(r % 9) - 1.0);
  for (int v = 0; v < n; ++v) y[v] = x1[v] = x2[v] = 1.0 + std::cos(v);
  d.tendencies(k.data(), y.data(), f1.data());
  KctmC1System{}.tendencies(k.data(), y.data(), f2.data());
  d.factorise(k.data(), y.data(), 3.0, a1.data());
  KctmC1System{}.factorise(k.data(), y.data(), 3.0, a2.data());
  d.lu_solve(a1.data(), x1.data());
  KctmC1System{}.lu_solve(a2.data(), x2.data());
  for (int v = 0; v < n; ++v) {
    EXPECT_NEAR(f1[v], f2[v], 1e-13 * (1 + std::abs(f1[v])));
    EXPECT_NEAR(x1[v], x2[v], 1e-12 * (1 + std::abs(x1[v])));
  }
}

CellEnvironment surface_air(double t_k) {
  CellEnvironment env{};
  env.t_k = t_k;
  env.m = constants::kStandardAtmosphere / (constants::kBoltzmann * t_k) * 1e-6;
  env.h2o = 0.01 * env.m;
  return env;
}

TEST(ChemistryMechanism, RateCoefficientsAt298K) {
  const CellEnvironment env = surface_air(298.15);
  const std::vector<Reaction> reactions = kctm_c1_reactions();
  auto k_of = [&](std::vector<std::string_view> reactants) {
    for (const Reaction& r : reactions) {
      if (r.reactants == reactants) return rate_coefficient(r.law, env);
    }
    ADD_FAILURE() << "no reaction";
    return 0.0;
  };
  // Evaluations' 298 K values at 1 atm.
  EXPECT_NEAR(k_of({"O3", "NO"}), 1.8e-14, 0.1 * 1.8e-14);     // IUPAC (±20 %)
  EXPECT_NEAR(k_of({"OH", "SO2"}), 9.3e-13, 0.03 * 9.3e-13);   // REFERENCES.md
  EXPECT_NEAR(k_of({"OH", "NO2"}), 1.06e-11, 0.1 * 1.06e-11);  // JPL 15-10
  EXPECT_NEAR(k_of({"HO2", "NO"}), 8.5e-12, 0.05 * 8.5e-12);   // IUPAC
  EXPECT_GT(k_of({"OH", "CO"}), 2.0e-13);  // IUPAC 2.1e-13 (1 bar N2 term), JPL 2.4e-13
  EXPECT_LT(k_of({"OH", "CO"}), 2.5e-13);
  EXPECT_NEAR(k_of({"OH", "ISOP"}), 1.0e-10, 0.05 * 1.0e-10);  // IUPAC
  EXPECT_NEAR(k_of({"NO3", "NO2"}), 1.2e-12, 0.15 * 1.2e-12);  // IUPAC, 1 bar
  // NO2 + NO3 ⇌ N2O5 equilibrium constant, IUPAC 2.7e-27 exp(11000/T) cm3 [the first N2O5
  // reaction is the thermal one].
  EXPECT_NEAR(k_of({"NO3", "NO2"}) / k_of({"N2O5"}), 2.9e-11, 0.3 * 2.9e-11);
  EXPECT_NEAR(k_of({"PAN"}), 3.8e-4, 0.2 * 3.8e-4);            // lifetime ~45 min at 298 K
  EXPECT_NEAR(k_of({"OH", "NO"}), 9.7e-12, 0.1 * 9.7e-12);     // IUPAC, 1 bar
  EXPECT_NEAR(k_of({"OH", "HONO"}), 6.0e-12, 0.05 * 6.0e-12);  // IUPAC
}

TEST(ChemistryMechanism, ClearSkyPhotolysisAtHighSun) {
  double j[kPhotolysisCount];
  clear_sky_photolysis(std::cos(20 * constants::kDegToRad), j);
  EXPECT_NEAR(j[kJNO2], 8.9e-3, 0.5e-3);  // J(NO2) of a clear summer noon
  EXPECT_GT(j[kJO1D], 2e-5);
  EXPECT_LT(j[kJO1D], 5e-5);
  // J(HONO) / J(NO2) ≈ 0.2 in measured clear-sky spectra (Kraus & Hofzumahaus 1998, J. Atmos.
  // Chem. 31:161).
  EXPECT_NEAR(j[kJHONO] / j[kJNO2], 0.2, 0.04);
  clear_sky_photolysis(-0.1, j);
  for (double v : j) EXPECT_EQ(v, 0.0);
  // Below a thick full cloud photolysis drops; above it, reflection enhances it.
  EXPECT_LT(cloud_photolysis_factor(1.0, 30.0, 0.8, 0.0), 0.5);
  EXPECT_GT(cloud_photolysis_factor(1.0, 30.0, 0.8, 1.0), 1.3);
}

}  // namespace
}  // namespace kctm::chem
