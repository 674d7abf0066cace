#pragma once
// A compiled mechanism on the device (chemistry/mechanism.hpp), read by the per-cell solver.
#include "chemistry/mechanism.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm::chem {

/// Fixed upper sizes of the per-cell work arrays (no allocation inside kernels).
constexpr int kMaxVariables = 40, kMaxReactions = 72, kMaxNonzeros = 320;

/// A compiled mechanism's tables on the device, interpreted: any mechanism, at the cost of indirect
/// indexing (the built-in one runs as generated code, chemistry/kctm_c1_system.hpp).
struct DeviceMechanism {
  int n_variables = 0, n_reactions = 0, n_nonzeros = 0, n_eliminations = 0;
  View1D<RateLaw> laws;
  View1D<int> reactant;  ///< 2 per reaction
  View1D<int> term_offset, term_variable;
  View1D<double> term_coefficient;
  View1D<int> row_offset, column, diagonal;
  View1D<int> jac_nonzero, jac_reaction, jac_partner;
  View1D<double> jac_coefficient;
  View1D<int> lu_lower, lu_pivot, lu_update_offset, lu_target, lu_upper;
  /// The reactions whose coefficient depends on the air alone (rate_laws.hpp,
  /// depends_on_air_alone), which a cell can hold while the meteorology holds, and the others.
  int n_air_only = 0, n_varying = 0;
  View1D<int> air_only, varying;

  // The solver's System interface (chemistry/rosenbrock.hpp), reading the tables.
  KOKKOS_INLINE_FUNCTION int n() const { return n_variables; }
  KOKKOS_INLINE_FUNCTION bool fast_radical(int) const { return false; }
  /// Rate coefficients of every reaction in `env`.
  KOKKOS_INLINE_FUNCTION void rate_coefficients(const CellEnvironment& env, double* k) const {
    for (int r = 0; r < n_reactions; ++r) k[r] = rate_coefficient(laws(r), env);
  }

  /// Rate coefficients of the reactions that do not depend on the air alone (`varying`).
  KOKKOS_INLINE_FUNCTION void varying_rate_coefficients(const CellEnvironment& env,
                                                        double* k) const {
    for (int v = 0; v < n_varying; ++v) k[varying(v)] = rate_coefficient(laws(varying(v)), env);
  }

  /// f = dy/dt.
  KOKKOS_INLINE_FUNCTION void tendencies(const double* k, const double* y, double* f) const {
    for (int v = 0; v < n_variables; ++v) f[v] = 0;
    for (int r = 0; r < n_reactions; ++r) {
      const int b = reactant(2 * r + 1);
      const double rate = k[r] * y[reactant(2 * r)] * (b >= 0 ? y[b] : 1.0);
      for (int t = term_offset(r); t < term_offset(r + 1); ++t) {
        f[term_variable(t)] += term_coefficient(t) * rate;
      }
    }
  }

  /// a = I/(h γ) − J(y), on the LU pattern, then factorised in place.
  KOKKOS_INLINE_FUNCTION void factorise(const double* k, const double* y, double diag,
                                        double* a) const {
    for (int e = 0; e < n_nonzeros; ++e) a[e] = 0;
    const int n_jac = static_cast<int>(jac_nonzero.extent(0));
    for (int e = 0; e < n_jac; ++e) {
      const int p = jac_partner(e);
      a[jac_nonzero(e)] -= jac_coefficient(e) * k[jac_reaction(e)] * (p >= 0 ? y[p] : 1.0);
    }
    for (int v = 0; v < n_variables; ++v) a[diagonal(v)] += diag;
    for (int e = 0; e < n_eliminations; ++e) {
      const double l = a[lu_lower(e)] /= a[lu_pivot(e)];
      for (int u = lu_update_offset(e); u < lu_update_offset(e + 1); ++u) {
        a[lu_target(u)] -= l * a[lu_upper(u)];
      }
    }
  }

  /// Solves (LU) x = b in place.
  KOKKOS_INLINE_FUNCTION void lu_solve(const double* a, double* x) const {
    const int n = n_variables;
    for (int i = 0; i < n; ++i) {
      for (int e = row_offset(i); e < diagonal(i); ++e) x[i] -= a[e] * x[column(e)];
    }
    for (int i = n - 1; i >= 0; --i) {
      for (int e = diagonal(i) + 1; e < row_offset(i + 1); ++e) x[i] -= a[e] * x[column(e)];
      x[i] /= a[diagonal(i)];
    }
  }
};

/// Copies `m` to the device; throws kctm::Error if it exceeds the fixed sizes above.
DeviceMechanism make_device_mechanism(const CompiledMechanism& m);

}  // namespace kctm::chem
