#include "kernels/horizontal_advection.hpp"

#include "kernels/ppm.hpp"

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

/// What the face kernels read.
struct FaceViews {
  AxisViews a;
  View3D<double> rho_met;  // (k, j, i) haloed [kg m-3]
  View2D<double> area;     // (j, i) haloed [m2]
  View1D<double> dz;       // (k) [m]
  int halo;
};

/// Air mass through face (fj, fi) in the +axis direction during dt [kg]: the meteorology's mass
/// flux, ρ at the face taken as the mean of its two cells. The face lies between haloed cells (jl,
/// il) and (jl + dj, il + di).
KOKKOS_INLINE_FUNCTION double face_air_kg(const FaceViews& f, double dt, int k, int fj, int fi,
                                          int jl, int il) {
  const double rho = 0.5 * (f.rho_met(k, jl, il) + f.rho_met(k, jl + f.a.dj, il + f.a.di));
  return dt * f.dz(k) * f.a.len(fj, fi) * f.a.wind(k, fj, fi) * rho;
}

/// Air mass of haloed cell (k, j, i) [kg].
KOKKOS_INLINE_FUNCTION double cell_air_kg(const FaceViews& f, const View3D<const double>& air,
                                          int k, int j, int i) {
  return air(k, j, i) * f.area(j, i) * f.dz(k);
}

/// Tracer mass through a face during dt [kg]: air mass × the PPM mean of what crosses.
KOKKOS_INLINE_FUNCTION double face_tracer_kg(const FaceViews& f, const View4D<const double>& q,
                                             const View3D<const double>& air, double dt, int n,
                                             int k, int fj, int fi, int jl, int il) {
  const double flow = face_air_kg(f, dt, k, fj, fi, jl, il);
  const int ju = flow >= 0 ? jl : jl + f.a.dj, iu = flow >= 0 ? il : il + f.a.di;
  const double courant = flow / cell_air_kg(f, air, k, ju, iu);
  double s[6];
  for (int o = 0; o < 6; ++o) s[o] = q(n, k, jl + (o - 2) * f.a.dj, il + (o - 2) * f.a.di);
  return flow * ppm::crossing_mean(s, courant);
}

FaceViews face_views(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis) {
  return {axis_views(geo, met, axis), met.rho_kg_m3, geo.area_m2, geo.dz_m, geo.halo};
}

}  // namespace

double max_outflow_courant(const DeviceGeometry& geo, const DeviceMeteo& met,
                           View3D<const double> air, Axis axis, double dt_s) {
  const FaceViews f = face_views(geo, met, axis);
  const int h = geo.halo;
  double c = 0;
  Kokkos::parallel_reduce(
      "kctm::max_outflow_courant", Policy3D({0, h, h}, {geo.nz, h + geo.ny, h + geo.nx}),
      KOKKOS_LAMBDA(int k, int j, int i, double& cmax) {
        const int fj = j - h, fi = i - h;
        const double lo = face_air_kg(f, dt_s, k, fj, fi, j - f.a.dj, i - f.a.di);
        const double hi = face_air_kg(f, dt_s, k, fj + f.a.dj, fi + f.a.di, j, i);
        const double out = (lo < 0 ? -lo : 0.0) + (hi > 0 ? hi : 0.0);
        const double ci = out / cell_air_kg(f, air, k, j, i);
        if (ci > cmax) cmax = ci;
      },
      Kokkos::Max<double>(c));
  return c;
}

void advect_horizontal(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis, double dt_s,
                       View4D<const double> q_in, View3D<double> air, View4D<double> q_out,
                       BoundaryBudget budget) {
  const FaceViews f = face_views(geo, met, axis);
  const View3D<const double> air_in = air;
  const int h = geo.halo, nf = static_cast<int>(q_in.extent(0));
  Kokkos::parallel_for(
      "kctm::advect_horizontal", Policy4D({0, 0, h, h}, {nf, geo.nz, h + geo.ny, h + geo.nx}),
      KOKKOS_LAMBDA(int n, int k, int j, int i) {
        const int fj = j - h, fi = i - h, dj = f.a.dj, di = f.a.di;
        const double air_lo = face_air_kg(f, dt_s, k, fj, fi, j - dj, i - di);
        const double air_hi = face_air_kg(f, dt_s, k, fj + dj, fi + di, j, i);
        const double q_lo = face_tracer_kg(f, q_in, air_in, dt_s, n, k, fj, fi, j - dj, i - di);
        const double q_hi = face_tracer_kg(f, q_in, air_in, dt_s, n, k, fj + dj, fi + di, j, i);
        const double m = cell_air_kg(f, air_in, k, j, i);
        q_out(n, k, j, i) = (m * q_in(n, k, j, i) + q_lo - q_hi) / (m + air_lo - air_hi);
      });

  // Boundary budget: one thread per field sums its edge faces in a fixed order (deterministic).
  const bool lo_is_boundary = axis == Axis::X ? geo.at_west : geo.at_south;
  const bool hi_is_boundary = axis == Axis::X ? geo.at_east : geo.at_north;
  const int along = axis == Axis::X ? geo.ny : geo.nx;  // faces along the edge
  const int last = axis == Axis::X ? geo.nx : geo.ny;   // face index of the far edge
  const int nz = geo.nz;
  Kokkos::parallel_for(
      "kctm::advect_horizontal_budget", Policy1D(0, nf), KOKKOS_LAMBDA(int n) {
        double in = 0, out = 0;
        for (int k = 0; k < nz; ++k) {
          for (int s = 0; s < along; ++s) {
            // Faces on the near edge (index 0) and the far edge (index `last`); the haloed index
            // of the cell below each face along the axis.
            const int fj0 = f.a.dj ? 0 : s, fi0 = f.a.di ? 0 : s;
            const int fj1 = f.a.dj ? last : s, fi1 = f.a.di ? last : s;
            if (lo_is_boundary) {
              const double t = face_tracer_kg(f, q_in, air_in, dt_s, n, k, fj0, fi0,
                                              fj0 + h - f.a.dj, fi0 + h - f.a.di);
              (t > 0 ? in : out) += t > 0 ? t : -t;
            }
            if (hi_is_boundary) {
              const double t = face_tracer_kg(f, q_in, air_in, dt_s, n, k, fj1, fi1,
                                              fj1 + h - f.a.dj, fi1 + h - f.a.di);
              (t > 0 ? out : in) += t > 0 ? t : -t;
            }
          }
        }
        budget(n, kInflow) += in;
        budget(n, kOutflow) += out;
      });

  // The air moves with the same fluxes (after the fields, which read the old air mass).
  Kokkos::parallel_for(
      "kctm::advect_horizontal_air", Policy3D({0, h, h}, {geo.nz, h + geo.ny, h + geo.nx}),
      KOKKOS_LAMBDA(int k, int j, int i) {
        const int fj = j - h, fi = i - h, dj = f.a.dj, di = f.a.di;
        const double net = face_air_kg(f, dt_s, k, fj, fi, j - dj, i - di) -
                           face_air_kg(f, dt_s, k, fj + dj, fi + di, j, i);
        air(k, j, i) += net / (f.area(j, i) * f.dz(k));
      });
}

}  // namespace kctm
