#include "kernels/vertical_diffusion.hpp"

#include "kernels/budget_sums.hpp"

namespace kctm {

void diffuse_vertical(const DeviceGeometry& geo, const DeviceMeteo& met, View3D<const double> air,
                      double dt_s, const ColumnExchange& exchange, View4D<double> q,
                      View3D<double> column_kg, MassBudget budget) {
  const auto emis_kg_s = exchange.emis_kg_s;
  const auto vdep = exchange.vdep_m_s;
  const auto rho = air;
  const auto kz = met.kz_m2_s;
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const auto dzc = geo.dz_center_m;
  const int h = geo.halo, nz = geo.nz, nf = static_cast<int>(q.extent(0));
  Kokkos::parallel_for(
      "kctm::diffuse_vertical", Policy3D({0, 0, 0}, {nf, geo.ny, geo.nx}),
      KOKKOS_LAMBDA(int n, int jj, int ii) {
        const int j = jj + h, i = ii + h;
        // Conductance across interface k (between layers k−1 and k) times dt [kg m-2]:
        // dt ρ_face Kz / Δz_centre; zero at the ground and the top.
        auto g = [&](int k) {
          if (k <= 0 || k >= nz) return 0.0;
          return dt_s * 0.5 * (rho(k - 1, j, i) + rho(k, j, i)) * kz(k, jj, ii) / dzc(k);
        };
        // Deposition conductance at the ground times dt [kg m-2].
        const double g_dep = dt_s * vdep(n, jj, ii) * rho(0, j, i);
        // Thomas algorithm on -g_k x_{k-1} + (m_k + g_k + g_{k+1}) x_k - g_{k+1} x_{k+1} = m_k q_k
        // + dt E_k / A, with g_dep added to the ground layer's diagonal.
        double c_prime[kMaxLayers], d_prime[kMaxLayers];
        const double inv_area = 1.0 / area(j, i);
        double g_below = 0.0;  // g(k), carried up from the previous layer's g(k + 1)
        for (int k = 0; k < nz; ++k) {
          const double g_above = g(k + 1);
          const double m = rho(k, j, i) * dz(k);
          const double diag = m + g_below + g_above + (k == 0 ? g_dep : 0.0);
          const double rhs = m * q(n, k, j, i) + dt_s * emis_kg_s(n, k, jj, ii) * inv_area;
          const double denom = k == 0 ? diag : diag + g_below * c_prime[k - 1];
          c_prime[k] = -g_above / denom;
          d_prime[k] = k == 0 ? rhs / denom : (rhs + g_below * d_prime[k - 1]) / denom;
          g_below = g_above;
        }
        q(n, nz - 1, j, i) = d_prime[nz - 1];
        for (int k = nz - 2; k >= 0; --k) {
          q(n, k, j, i) = d_prime[k] - c_prime[k] * q(n, k + 1, j, i);
        }
        column_kg(n, jj, ii) = g_dep * q(n, 0, j, i) * area(j, i);
      });
  add_column_sums(column_kg, budget, kDeposited);
}

}  // namespace kctm
