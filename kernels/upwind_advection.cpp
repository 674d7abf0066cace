#include "kernels/upwind_advection.hpp"

namespace kctm {

namespace {

/// Face-normal wind, face length and the offset to the neighbour along an axis.
struct AxisViews {
  View3D<double> wind;  // (k, face_j, face_i)
  View2D<double> len;   // (face_j, face_i)
  int di, dj;           // (1, 0) along x, (0, 1) along y
};

AxisViews axis_views(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis) {
  return axis == Axis::X ? AxisViews{met.u_m_s, geo.x_face_len_m, 1, 0}
                         : AxisViews{met.v_m_s, geo.y_face_len_m, 0, 1};
}

/// Mass through face (fj, fi) in the +axis direction during dt [kg]; the face lies between haloed
/// cells (jl, il) and (jl + dj, il + di). Shared by the update and the boundary budget, so both see
/// the same flux to the last bit.
KOKKOS_INLINE_FUNCTION double face_flux_kg(const AxisViews& a, const View3D<double>& rho,
                                           const View4D<const double>& q, const View1D<double>& dz,
                                           double dt, int n, int k, int fj, int fi, int jl,
                                           int il) {
  const double w = a.wind(k, fj, fi);
  const int j = w >= 0 ? jl : jl + a.dj, i = w >= 0 ? il : il + a.di;
  return dt * dz(k) * a.len(fj, fi) * w * rho(k, j, i) * q(n, k, j, i);
}

}  // namespace

double max_outflow_courant(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis,
                           double dt_s) {
  const AxisViews a = axis_views(geo, met, axis);
  const auto area = geo.area_m2;
  const int h = geo.halo;
  double c = 0;
  Kokkos::parallel_reduce(
      "kctm::max_outflow_courant", Policy3D({0, 0, 0}, {geo.nz, geo.ny, geo.nx}),
      KOKKOS_LAMBDA(int k, int j, int i, double& cmax) {
        const double w_lo = a.wind(k, j, i), w_hi = a.wind(k, j + a.dj, i + a.di);
        const double out = (w_lo < 0 ? -w_lo * a.len(j, i) : 0.0) +
                           (w_hi > 0 ? w_hi * a.len(j + a.dj, i + a.di) : 0.0);
        const double ci = dt_s * out / area(j + h, i + h);
        if (ci > cmax) cmax = ci;
      },
      Kokkos::Max<double>(c));
  return c;
}

void advect_upwind(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis, double dt_s,
                   View4D<const double> q_in, View4D<double> q_out, BoundaryBudget budget) {
  const AxisViews a = axis_views(geo, met, axis);
  const auto rho = met.rho_kg_m3;
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo, nf = static_cast<int>(q_in.extent(0));
  Kokkos::parallel_for(
      "kctm::advect_upwind", Policy4D({0, 0, h, h}, {nf, geo.nz, h + geo.ny, h + geo.nx}),
      KOKKOS_LAMBDA(int n, int k, int j, int i) {
        const int fj = j - h, fi = i - h;
        const double f_lo = face_flux_kg(a, rho, q_in, dz, dt_s, n, k, fj, fi, j - a.dj, i - a.di);
        const double f_hi = face_flux_kg(a, rho, q_in, dz, dt_s, n, k, fj + a.dj, fi + a.di, j, i);
        q_out(n, k, j, i) = q_in(n, k, j, i) + (f_lo - f_hi) / (rho(k, j, i) * area(j, i) * dz(k));
      });

  // Boundary budget: one thread per field sums its edge faces in a fixed order (deterministic).
  const bool lo_is_boundary = axis == Axis::X ? geo.at_west : geo.at_south;
  const bool hi_is_boundary = axis == Axis::X ? geo.at_east : geo.at_north;
  const int along = axis == Axis::X ? geo.ny : geo.nx;  // faces along the edge
  const int last = axis == Axis::X ? geo.nx : geo.ny;   // face index of the far edge
  const int nz = geo.nz;
  Kokkos::parallel_for(
      "kctm::advect_upwind_budget", Policy1D(0, nf), KOKKOS_LAMBDA(int n) {
        double in = 0, out = 0;
        for (int k = 0; k < nz; ++k) {
          for (int s = 0; s < along; ++s) {
            // Face (fj, fi) on the near edge (index 0) and far edge (index `last`), and the haloed
            // index of the cell below each face along the axis.
            const int fj0 = a.dj ? 0 : s, fi0 = a.di ? 0 : s;
            const int fj1 = a.dj ? last : s, fi1 = a.di ? last : s;
            if (lo_is_boundary) {
              const double f = face_flux_kg(a, rho, q_in, dz, dt_s, n, k, fj0, fi0, fj0 + h - a.dj,
                                            fi0 + h - a.di);
              (f > 0 ? in : out) += f > 0 ? f : -f;
            }
            if (hi_is_boundary) {
              const double f = face_flux_kg(a, rho, q_in, dz, dt_s, n, k, fj1, fi1, fj1 + h - a.dj,
                                            fi1 + h - a.di);
              (f > 0 ? out : in) += f > 0 ? f : -f;
            }
          }
        }
        budget(n, kInflow) += in;
        budget(n, kOutflow) += out;
      });
}

}  // namespace kctm
