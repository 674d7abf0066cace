#include "kernels/vertical_advection.hpp"

#include "kernels/budget_sums.hpp"
#include "kernels/ppm.hpp"
#include "kernels/vertical_diffusion.hpp"

namespace kctm {

void vertical_air_flux(const DeviceGeometry& geo, View3D<const double> air,
                       View3D<const double> air_target, View3D<double> w_kg) {
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo, nz = geo.nz;
  Kokkos::parallel_for(
      "kctm::vertical_air_flux", Policy2D({0, 0}, {geo.ny, geo.nx}), KOKKOS_LAMBDA(int jj, int ii) {
        const int j = jj + h, i = ii + h;
        // Layer k ends at its target when what it has in excess leaves through its top.
        double w = 0;
        w_kg(0, jj, ii) = 0;
        for (int k = 0; k < nz; ++k) {
          w += (air(k, j, i) - air_target(k, j, i)) * area(j, i) * dz(k);
          w_kg(k + 1, jj, ii) = w;
        }
      });
}

double max_vertical_courant(const DeviceGeometry& geo, View3D<const double> air,
                            View3D<const double> w_kg) {
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo;
  double c = 0;
  Kokkos::parallel_reduce(
      "kctm::max_vertical_courant", Policy3D({0, 0, 0}, {geo.nz, geo.ny, geo.nx}),
      KOKKOS_LAMBDA(int k, int jj, int ii, double& cmax) {
        const double below = w_kg(k, jj, ii), above = w_kg(k + 1, jj, ii);
        const double out = (below < 0 ? -below : 0.0) + (above > 0 ? above : 0.0);
        const double ci = out / (air(k, jj + h, ii + h) * area(jj + h, ii + h) * dz(k));
        if (ci > cmax) cmax = ci;
      },
      Kokkos::Max<double>(c));
  return c;
}

void advect_vertical(const DeviceGeometry& geo, View3D<const double> w_kg, double fraction,
                     View2D<const double> q_bc, View4D<double> q, View3D<double> air,
                     View3D<double> top_kg, MassBudget budget) {
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo, nz = geo.nz, ny = geo.ny, nx = geo.nx;
  const int nf = static_cast<int>(q.extent(0));
  Kokkos::parallel_for(
      "kctm::advect_vertical", Policy3D({0, 0, 0}, {nf, ny, nx}),
      KOKKOS_LAMBDA(int n, int jj, int ii) {
        const int j = jj + h, i = ii + h;
        // Tracer mass through each interface [kg]: none through the ground; the parabolas see the
        // ground layer repeated below it and the air above the top (the top's q_bc) above it.
        double flux[kMaxLayers + 1];
        flux[0] = 0;
        for (int kf = 1; kf <= nz; ++kf) {
          const double flow = fraction * w_kg(kf, jj, ii);
          if (kf == nz && flow < 0) {  // air from above the model
            flux[kf] = flow * q_bc(n, nz - 1);
            continue;
          }
          const int ku = flow >= 0 ? kf - 1 : kf;
          const double m_up = air(ku, j, i) * area(j, i) * dz(ku);
          double s[6];
          for (int o = 0; o < 6; ++o) {
            const int k = kf - 3 + o;
            s[o] = k >= nz ? q_bc(n, nz - 1) : q(n, k < 0 ? 0 : k, j, i);
          }
          flux[kf] = flow * ppm::crossing_mean(s, flow / m_up);
        }
        top_kg(n, jj, ii) = flux[nz];  // summed per field below, in a fixed order
        for (int k = 0; k < nz; ++k) {
          const double m = air(k, j, i) * area(j, i) * dz(k);
          const double m_new = m + fraction * (w_kg(k, jj, ii) - w_kg(k + 1, jj, ii));
          q(n, k, j, i) = (m * q(n, k, j, i) + flux[k] - flux[k + 1]) / m_new;
        }
      });
  Kokkos::parallel_for(
      "kctm::advect_vertical_air", Policy3D({0, 0, 0}, {nz, ny, nx}),
      KOKKOS_LAMBDA(int k, int jj, int ii) {
        air(k, jj + h, ii + h) +=
            fraction * (w_kg(k, jj, ii) - w_kg(k + 1, jj, ii)) / (area(jj + h, ii + h) * dz(k));
      });
  add_column_exchange(top_kg, budget);
}

}  // namespace kctm
