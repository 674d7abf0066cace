#include "kernels/vertical_diffusion.hpp"

#include "kernels/budget_sums.hpp"
#include "kernels/team_simd.hpp"

namespace kctm {

namespace {

/// Columns a team solves together: the SIMD lanes of its loops over a level.
constexpr int kColumnsPerTeam = 64;

}  // namespace

void diffuse_vertical(const DeviceGeometry& geo, const DeviceMeteo& met, View3D<const double> air,
                      double dt_s, const ColumnExchange& exchange, const FieldList& fields,
                      View4D<double> q, View3D<double> column_kg, MassBudget budget) {
  const auto emis_kg_s = exchange.emis_kg_s;
  const auto emission_slot = exchange.emission_slot;
  const auto vdep = exchange.vdep_m_s;
  const auto rho = air;
  const auto kz = met.kz_m2_s;
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const auto dzc = geo.dz_center_m;
  const int h = geo.halo, nz = geo.nz, nx = geo.nx, nf = static_cast<int>(fields.extent(0));
  constexpr int W = kColumnsPerTeam;
  const int blocks = (nx + W - 1) / W;
  // The tridiagonal system of a column, −g_k x_{k−1} + (m_k + g_k + g_{k+1}) x_k − g_{k+1} x_{k+1}
  // = m_k q_k + dt E_k / A, is the same for every field but for the deposition conductance dt v_d ρ
  // on the ground layer's diagonal. Eliminating from the top down keeps that term out of every
  // pivot but the ground's: the pivots' inverses (1/D'_k, D'_{nz−1} = D_{nz−1}, D'_{k−1} = D_{k−1}
  // − g_k² / D'_k) are made once per column, and a field costs a sweep down, one division at the
  // ground and a sweep up. Every pivot is at least the layer's mass: stable, and the solution stays
  // positive (all factors are non-negative). Per team, each [level][lane]: conductances g (nz + 1
  // interfaces), layer masses per area m, the pivots' inverses, the multipliers g_k / D'_k of the
  // sweep down, the eliminated right-hand sides s, and rows of dt / A, of the ground pivot without
  // deposition and of the field's deposition conductance.
  const std::size_t bytes = sizeof(double) * (5 * nz + 4) * W;
  Kokkos::parallel_for(
      "kctm::diffuse_vertical",
      team_policy(geo.ny * blocks).set_scratch_size(1, Kokkos::PerTeam(bytes)),
      KOKKOS_LAMBDA(const TeamMember& team) {
        const int jj = team.league_rank() / blocks, i0 = (team.league_rank() % blocks) * W;
        const int lanes = i0 + W <= nx ? W : nx - i0, j = jj + h;
        double* g = static_cast<double*>(team.team_scratch(1).get_shmem(bytes));
        double* m = g + (nz + 1) * W;
        double* inverse = m + nz * W;         // 1 / D'_k for k ≥ 1
        double* lift = inverse + nz * W;      // g_k / D'_k for k ≥ 1
        double* s = lift + nz * W;            // the right-hand side as eliminated from the top
        double* per_area = s + nz * W;        // dt / A, turning an emission into kg m-2
        double* ground_pivot = per_area + W;  // D'_0 without deposition [kg m-2]
        double* g_dep = ground_pivot + W;     // dt v_d ρ of the ground layer [kg m-2]
        // Conductance across interface k (between layers k−1 and k) times dt [kg m-2]:
        // dt ρ_face Kz / Δz_centre; zero at the ground and the top. Shared by the fields.
        for (int k = 0; k <= nz; ++k) {
          each_cell(team, 0, lanes, [=](int w) {
            const int i = i0 + w + h;
            g[k * W + w] = k <= 0 || k >= nz ? 0.0
                                             : dt_s * 0.5 * (rho(k - 1, j, i) + rho(k, j, i)) *
                                                   kz(k, jj, i - h) / dzc(k);
            if (k < nz) m[k * W + w] = rho(k, j, i) * dz(k);
            if (k == 0) per_area[w] = dt_s / area(j, i);
          });
        }
        for (int k = nz - 1; k >= 0; --k) {
          each_cell(team, 0, lanes, [=](int w) {
            const double g_above = g[(k + 1) * W + w];
            const double pivot = m[k * W + w] + g[k * W + w] + g_above -
                                 (k + 1 < nz ? g_above * g_above * inverse[(k + 1) * W + w] : 0.0);
            if (k > 0) {
              inverse[k * W + w] = 1 / pivot;
              lift[k * W + w] = g[k * W + w] * inverse[k * W + w];
            } else {
              ground_pivot[w] = pivot;
            }
          });
        }
        for (int n = 0; n < nf; ++n) {
          const int f = fields(n), e = emission_slot(f);
          // The next field's column (and its emissions) start loading while this one is solved:
          // its levels lie a level's size apart, streams no prefetcher follows on its own.
          if (n + 1 < nf) {
            const int next = fields(n + 1), e_next = emission_slot(next);
            for (int k = 0; k < nz; ++k) {
              prefetch_line(&q(next, k, j, i0 + h), lanes, 1);
              if (e_next >= 0) prefetch_line(&emis_kg_s(e_next, k, jj, i0), lanes, 1);
            }
          }
          each_cell(team, 0, lanes,
                    [=](int w) { g_dep[w] = dt_s * vdep(f, jj, i0 + w) * rho(0, j, i0 + w + h); });
          // Down: s_{nz−1} = r_{nz−1}, s_{k−1} = r_{k−1} + g_k s_k / D'_k.
          for (int k = nz - 1; k >= 0; --k) {
            each_cell(team, 0, lanes, [=](int w) {
              const int i = i0 + w + h;
              const double rhs = m[k * W + w] * q(f, k, j, i) +
                                 (e >= 0 ? emis_kg_s(e, k, jj, i - h) * per_area[w] : 0.0);
              s[k * W + w] = k + 1 < nz ? rhs + lift[(k + 1) * W + w] * s[(k + 1) * W + w] : rhs;
            });
          }
          // Up: x_0 = s_0 / (D'_0 + deposition), x_k = (s_k + g_k x_{k−1}) / D'_k.
          each_cell(team, 0, lanes,
                    [=](int w) { q(f, 0, j, i0 + w + h) = s[w] / (ground_pivot[w] + g_dep[w]); });
          for (int k = 1; k < nz; ++k) {
            each_cell(team, 0, lanes, [=](int w) {
              const int i = i0 + w + h;
              q(f, k, j, i) =
                  (s[k * W + w] + g[k * W + w] * q(f, k - 1, j, i)) * inverse[k * W + w];
            });
          }
          each_cell(team, 0, lanes, [=](int w) {
            const int i = i0 + w + h;
            column_kg(f, jj, i - h) = g_dep[w] * q(f, 0, j, i) * area(j, i);
          });
        }
      });
  add_column_sums(column_kg, fields, budget, kDeposited);
}

}  // namespace kctm
