#include "kernels/field_mass.hpp"

namespace kctm {

double field_mass_kg(const DeviceGeometry& geo, View3D<const double> air, View4D<const double> q,
                     int field) {
  const auto rho = air;
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo;
  double mass = 0;
  Kokkos::parallel_reduce(
      "kctm::field_mass", Policy3D({0, h, h}, {geo.nz, h + geo.ny, h + geo.nx}),
      KOKKOS_LAMBDA(int k, int j, int i, double& sum) {
        sum += rho(k, j, i) * q(field, k, j, i) * area(j, i) * dz(k);
      },
      mass);
  return mass;
}

void field_concentration(const DeviceGeometry& geo, View3D<const double> air,
                         View4D<const double> q, View1D<const int> fields, double scale,
                         View3D<float> out) {
  const auto rho = air;
  const int h = geo.halo, n = static_cast<int>(fields.extent(0));
  Kokkos::parallel_for(
      "kctm::field_concentration",
      Policy3D({0, 0, 0}, {static_cast<int>(out.extent(0)), geo.ny, geo.nx}),
      KOKKOS_LAMBDA(int k, int j, int i) {
        double sum = 0;
        for (int f = 0; f < n; ++f) sum += q(fields(f), k, j + h, i + h);
        out(k, j, i) = static_cast<float>(scale * rho(k, j + h, i + h) * sum);
      });
}

}  // namespace kctm
