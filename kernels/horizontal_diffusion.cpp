#include "kernels/horizontal_diffusion.hpp"

namespace kctm {

namespace {

/// Face conductances per unit dt·Kh [kg m-2]: ρ_face × face area / centre distance, zero on a
/// lateral boundary face; x_face(k, j, i) is the face between haloed cells i − 1 and i.
struct FaceConductance {
  View3D<const double> air;
  View2D<double> area, xlen, ylen;
  View1D<double> dz;
  int h, nx, ny;
  bool at_west, at_east, at_south, at_north;

  KOKKOS_INLINE_FUNCTION double x_face(int k, int j, int i) const {  // between i − 1 and i
    const int f = i - h;
    if ((f == 0 && at_west) || (f == nx && at_east)) return 0.0;
    const double len = xlen(j - h, f);
    const double dist = 0.5 * (area(j, i - 1) + area(j, i)) / len;
    return 0.5 * (air(k, j, i - 1) + air(k, j, i)) * len * dz(k) / dist;
  }
  KOKKOS_INLINE_FUNCTION double y_face(int k, int j, int i) const {  // between j − 1 and j
    const int f = j - h;
    if ((f == 0 && at_south) || (f == ny && at_north)) return 0.0;
    const double len = ylen(f, i - h);
    const double dist = 0.5 * (area(j - 1, i) + area(j, i)) / len;
    return 0.5 * (air(k, j - 1, i) + air(k, j, i)) * len * dz(k) / dist;
  }
  KOKKOS_INLINE_FUNCTION double cell_air_kg(int k, int j, int i) const {
    return air(k, j, i) * area(j, i) * dz(k);
  }
};

FaceConductance conductance(const DeviceGeometry& geo, View3D<const double> air) {
  return {air,    geo.area_m2, geo.x_face_len_m, geo.y_face_len_m, geo.dz_m,     geo.halo,
          geo.nx, geo.ny,      geo.at_west,      geo.at_east,      geo.at_south, geo.at_north};
}

}  // namespace

double max_diffusion_number(const DeviceGeometry& geo, View3D<const double> air, double kh_m2_s,
                            double dt_s) {
  const FaceConductance c = conductance(geo, air);
  const int h = geo.halo;
  double s = 0;
  Kokkos::parallel_reduce(
      "kctm::max_diffusion_number", Policy3D({0, h, h}, {geo.nz, h + geo.ny, h + geo.nx}),
      KOKKOS_LAMBDA(int k, int j, int i, double& smax) {
        const double g =
            c.x_face(k, j, i) + c.x_face(k, j, i + 1) + c.y_face(k, j, i) + c.y_face(k, j + 1, i);
        const double si = dt_s * kh_m2_s * g / c.cell_air_kg(k, j, i);
        if (si > smax) smax = si;
      },
      Kokkos::Max<double>(s));
  return s;
}

void diffuse_horizontal(const DeviceGeometry& geo, View3D<const double> air, double kh_m2_s,
                        double dt_s, View4D<const double> q_in, View4D<double> q_out) {
  const FaceConductance c = conductance(geo, air);
  const int h = geo.halo, nf = static_cast<int>(q_in.extent(0));
  const double a = dt_s * kh_m2_s;
  Kokkos::parallel_for(
      "kctm::diffuse_horizontal", Policy4D({0, 0, h, h}, {nf, geo.nz, h + geo.ny, h + geo.nx}),
      KOKKOS_LAMBDA(int n, int k, int j, int i) {
        const double q = q_in(n, k, j, i);
        const double net = c.x_face(k, j, i) * (q_in(n, k, j, i - 1) - q) +
                           c.x_face(k, j, i + 1) * (q_in(n, k, j, i + 1) - q) +
                           c.y_face(k, j, i) * (q_in(n, k, j - 1, i) - q) +
                           c.y_face(k, j + 1, i) * (q_in(n, k, j + 1, i) - q);
        q_out(n, k, j, i) = q + a * net / c.cell_air_kg(k, j, i);
      });
}

}  // namespace kctm
