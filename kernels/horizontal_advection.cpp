#include "kernels/horizontal_advection.hpp"

#include "kernels/ppm.hpp"

namespace kctm {

namespace {

using ScratchLine = Kokkos::View<double*, ExecSpace::scratch_memory_space, Kokkos::MemoryUnmanaged>;
using TeamPolicy = Kokkos::TeamPolicy<ExecSpace>;
using Member = TeamPolicy::member_type;

/// A sweep's lines: along x there are ny lines of nx cells, along y nx lines of ny cells.
struct Lines {
  int count, cells;
};
Lines lines_of(const DeviceGeometry& geo, Axis axis) {
  return axis == Axis::X ? Lines{geo.ny, geo.nx} : Lines{geo.nx, geo.ny};
}

}  // namespace

AdvectionWork allocate_advection_work(const DeviceGeometry& geo, int n_fields) {
  const int lines = geo.nx > geo.ny ? geo.nx : geo.ny;
  return {View3D<double>("face_air_kg", geo.nz, lines, lines + 1),
          View4D<double>("edge_kg", n_fields, geo.nz, lines, 2)};
}

void face_air_fluxes(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis, double dt_s,
                     const AdvectionWork& work) {
  const auto rho = met.rho_kg_m3;
  const auto u = met.u_m_s, v = met.v_m_s;
  const auto xlen = geo.x_face_len_m, ylen = geo.y_face_len_m;
  const auto dz = geo.dz_m;
  const auto out = work.face_air_kg;
  const int h = geo.halo;
  const bool x = axis == Axis::X;
  const Lines l = lines_of(geo, axis);
  Kokkos::parallel_for(
      "kctm::face_air_fluxes", Policy3D({0, 0, 0}, {geo.nz, l.count, l.cells + 1}),
      KOKKOS_LAMBDA(int k, int line, int f) {
        // Face f of the line lies between its cells f − 1 and f (haloed index f + h − 1, f + h).
        if (x) {
          const double r = 0.5 * (rho(k, line + h, f + h - 1) + rho(k, line + h, f + h));
          out(k, line, f) = dt_s * dz(k) * xlen(line, f) * u(k, line, f) * r;
        } else {
          const double r = 0.5 * (rho(k, f + h - 1, line + h) + rho(k, f + h, line + h));
          out(k, line, f) = dt_s * dz(k) * ylen(f, line) * v(k, f, line) * r;
        }
      });
}

double max_outflow_courant(const DeviceGeometry& geo, View3D<const double> air, Axis axis,
                           const AdvectionWork& work) {
  const auto flux = work.face_air_kg;
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo;
  const bool x = axis == Axis::X;
  const Lines l = lines_of(geo, axis);
  double c = 0;
  Kokkos::parallel_reduce(
      "kctm::max_outflow_courant", Policy3D({0, 0, 0}, {geo.nz, l.count, l.cells}),
      KOKKOS_LAMBDA(int k, int line, int cell, double& cmax) {
        const double lo = flux(k, line, cell), hi = flux(k, line, cell + 1);
        const int j = (x ? line : cell) + h, i = (x ? cell : line) + h;
        const double out = (lo < 0 ? -lo : 0.0) + (hi > 0 ? hi : 0.0);
        const double ci = out / (air(k, j, i) * area(j, i) * dz(k));
        if (ci > cmax) cmax = ci;
      },
      Kokkos::Max<double>(c));
  return c;
}

namespace {

/// The line kernel of advect_horizontal, compiled once per axis so that the index arithmetic of
/// the line (contiguous along x, strided along y) is known to the compiler.
template <bool kAlongX>
void advect_lines(const DeviceGeometry& geo, View4D<const double> q_in, View3D<const double> air_in,
                  View4D<double> q_out, const AdvectionWork& work) {
  const auto flux_air = work.face_air_kg;
  const auto edge = work.edge_kg;
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo, nf = static_cast<int>(q_in.extent(0)), nz = geo.nz;
  const Lines l = lines_of(geo, kAlongX ? Axis::X : Axis::Y);
  const int len = l.cells + 2 * h;  // cells of a line with its halo
  const std::size_t scratch = 6 * ScratchLine::shmem_size(len);

  // League: (k, line, field) with the field fastest, so neighbouring teams share the line's fluxes.
  Kokkos::parallel_for(
      "kctm::advect_horizontal",
      TeamPolicy(nf * nz * l.count, Kokkos::AUTO).set_scratch_size(0, Kokkos::PerTeam(scratch)),
      KOKKOS_LAMBDA(const Member& team) {
        const int id = team.league_rank();
        const int n = id % nf, line = (id / nf) % l.count, k = id / (nf * l.count);
        const int lh = line + h;
        ScratchLine q(team.team_scratch(0), len), slope(team.team_scratch(0), len),
            q_left(team.team_scratch(0), len), q_right(team.team_scratch(0), len),
            flux(team.team_scratch(0), len), air_kg(team.team_scratch(0), len);
        Kokkos::parallel_for(Kokkos::TeamVectorRange(team, len), [&](int c) {
          const int j = kAlongX ? lh : c, i = kAlongX ? c : lh;
          q(c) = q_in(n, k, j, i);
          air_kg(c) = air_in(k, j, i) * area(j, i) * dz(k);  // [kg]
        });
        team.team_barrier();
        Kokkos::parallel_for(Kokkos::TeamVectorRange(team, 1, len - 1), [&](int c) {
          slope(c) = ppm::limited_slope(q(c - 1), q(c), q(c + 1));
        });
        team.team_barrier();
        Kokkos::parallel_for(Kokkos::TeamVectorRange(team, 2, len - 2), [&](int c) {
          double left = ppm::face_value(q(c - 1), q(c), slope(c - 1), slope(c));
          double right = ppm::face_value(q(c), q(c + 1), slope(c), slope(c + 1));
          ppm::limit_parabola(q(c), left, right);
          q_left(c) = left;
          q_right(c) = right;
        });
        team.team_barrier();
        // Face f lies between cells f + h − 1 and f + h of the line.
        Kokkos::parallel_for(Kokkos::TeamVectorRange(team, l.cells + 1), [&](int f) {
          // Both candidates, then a select: the upwind cell's side depends on the flow's sign.
          const double flow = flux_air(k, line, f);
          const int a = f + h - 1, b = f + h;
          const double out_of_a = ppm::mean_at_right(q_left(a), q(a), q_right(a), flow / air_kg(a));
          const double out_of_b = ppm::mean_at_left(q_left(b), q(b), q_right(b), -flow / air_kg(b));
          flux(f) = flow * (flow >= 0 ? out_of_a : out_of_b);
        });
        team.team_barrier();
        Kokkos::parallel_for(Kokkos::TeamVectorRange(team, l.cells), [&](int f) {
          const int c = f + h;
          const double m = air_kg(c);
          const double m_new = m + flux_air(k, line, f) - flux_air(k, line, f + 1);
          const double value = (m * q(c) + flux(f) - flux(f + 1)) / m_new;
          if (kAlongX) {
            q_out(n, k, lh, c) = value;
          } else {
            q_out(n, k, c, lh) = value;
          }
        });
        Kokkos::single(Kokkos::PerTeam(team), [&]() {
          edge(n, k, line, 0) = flux(0);
          edge(n, k, line, 1) = flux(l.cells);
        });
      });
}

}  // namespace

void advect_horizontal(const DeviceGeometry& geo, Axis axis, View4D<const double> q_in,
                       View3D<double> air, View4D<double> q_out, const AdvectionWork& work,
                       MassBudget budget) {
  const auto flux_air = work.face_air_kg;
  const auto edge = work.edge_kg;
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo, nf = static_cast<int>(q_in.extent(0)), nz = geo.nz;
  const bool x = axis == Axis::X;
  const Lines l = lines_of(geo, axis);
  if (x) {
    advect_lines<true>(geo, q_in, air, q_out, work);
  } else {
    advect_lines<false>(geo, q_in, air, q_out, work);
  }

  // Boundary budget: one thread per field sums its edge faces in a fixed order (deterministic).
  const bool lo_is_boundary = x ? geo.at_west : geo.at_south;
  const bool hi_is_boundary = x ? geo.at_east : geo.at_north;
  Kokkos::parallel_for(
      "kctm::advect_horizontal_budget", Policy1D(0, nf), KOKKOS_LAMBDA(int n) {
        double in = 0, out = 0;
        for (int k = 0; k < nz; ++k) {
          for (int line = 0; line < l.count; ++line) {
            const double lo = edge(n, k, line, 0), hi = edge(n, k, line, 1);
            if (lo_is_boundary) (lo > 0 ? in : out) += lo > 0 ? lo : -lo;
            if (hi_is_boundary) (hi > 0 ? out : in) += hi > 0 ? hi : -hi;
          }
        }
        budget(n, kInflow) += in;
        budget(n, kOutflow) += out;
      });

  // The air moves with the same fluxes (after the fields, which read the old air mass).
  Kokkos::parallel_for(
      "kctm::advect_horizontal_air", Policy3D({0, 0, 0}, {nz, l.count, l.cells}),
      KOKKOS_LAMBDA(int k, int line, int cell) {
        const int j = (x ? line : cell) + h, i = (x ? cell : line) + h;
        const double net = flux_air(k, line, cell) - flux_air(k, line, cell + 1);
        air(k, j, i) += net / (area(j, i) * dz(k));
      });
}

}  // namespace kctm
