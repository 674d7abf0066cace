#include "kernels/horizontal_diffusion.hpp"

namespace kctm {

DiffusionCoefficients allocate_diffusion_coefficients(const DeviceGeometry& geo) {
  return {View3D<double>("kh_x_face", geo.nz, geo.ny, geo.nx + 1),
          View3D<double>("kh_y_face", geo.nz, geo.ny + 1, geo.nx),
          View3D<double>("inv_air_kg", geo.nz, geo.ny, geo.nx)};
}

void compute_diffusion_coefficients(const DeviceGeometry& geo, View3D<const double> air,
                                    const DiffusionCoefficients& c) {
  const auto area = geo.area_m2;
  const auto xlen = geo.x_face_len_m, ylen = geo.y_face_len_m;
  const auto dz = geo.dz_m;
  const int h = geo.halo, nx = geo.nx, ny = geo.ny;
  const bool west = geo.at_west, east = geo.at_east, south = geo.at_south, north = geo.at_north;
  // Over the interior cells plus one more face in each direction: (k, j ≤ ny, i ≤ nx).
  Kokkos::parallel_for(
      "kctm::compute_diffusion_coefficients", Policy3D({0, 0, 0}, {geo.nz, ny + 1, nx + 1}),
      KOKKOS_LAMBDA(int k, int jj, int ii) {
        const int j = jj + h, i = ii + h;
        if (jj < ny) {  // x-face ii, between haloed cells i − 1 and i
          const bool closed = (ii == 0 && west) || (ii == nx && east);
          const double len = xlen(jj, ii), dist = 0.5 * (area(j, i - 1) + area(j, i)) / len;
          c.x_face(k, jj, ii) =
              closed ? 0.0 : 0.5 * (air(k, j, i - 1) + air(k, j, i)) * len * dz(k) / dist;
        }
        if (ii < nx) {  // y-face jj, between haloed cells j − 1 and j
          const bool closed = (jj == 0 && south) || (jj == ny && north);
          const double len = ylen(jj, ii), dist = 0.5 * (area(j - 1, i) + area(j, i)) / len;
          c.y_face(k, jj, ii) =
              closed ? 0.0 : 0.5 * (air(k, j - 1, i) + air(k, j, i)) * len * dz(k) / dist;
        }
        if (jj < ny && ii < nx) c.inv_air_kg(k, jj, ii) = 1.0 / (air(k, j, i) * area(j, i) * dz(k));
      });
}

double max_diffusion_number(const DeviceGeometry& geo, const DiffusionCoefficients& c,
                            double kh_m2_s, double dt_s) {
  double s = 0;
  Kokkos::parallel_reduce(
      "kctm::max_diffusion_number", Policy3D({0, 0, 0}, {geo.nz, geo.ny, geo.nx}),
      KOKKOS_LAMBDA(int k, int j, int i, double& smax) {
        const double g =
            c.x_face(k, j, i) + c.x_face(k, j, i + 1) + c.y_face(k, j, i) + c.y_face(k, j + 1, i);
        const double si = dt_s * kh_m2_s * g * c.inv_air_kg(k, j, i);
        if (si > smax) smax = si;
      },
      Kokkos::Max<double>(s));
  return s;
}

void diffuse_horizontal(const DeviceGeometry& geo, const DiffusionCoefficients& c, double kh_m2_s,
                        double dt_s, const FieldList& fields, View4D<const double> q_in,
                        View4D<double> q_out) {
  const int h = geo.halo, nf = static_cast<int>(fields.extent(0));
  const double a = dt_s * kh_m2_s;
  Kokkos::parallel_for(
      "kctm::diffuse_horizontal", Policy4D({0, 0, 0, 0}, {nf, geo.nz, geo.ny, geo.nx}),
      KOKKOS_LAMBDA(int n, int k, int jj, int ii) {
        const int f = fields(n), j = jj + h, i = ii + h;
        const double q = q_in(f, k, j, i);
        const double net = c.x_face(k, jj, ii) * (q_in(f, k, j, i - 1) - q) +
                           c.x_face(k, jj, ii + 1) * (q_in(f, k, j, i + 1) - q) +
                           c.y_face(k, jj, ii) * (q_in(f, k, j - 1, i) - q) +
                           c.y_face(k, jj + 1, ii) * (q_in(f, k, j + 1, i) - q);
        q_out(f, k, j, i) = q + a * net * c.inv_air_kg(k, jj, ii);
      });
}

}  // namespace kctm
