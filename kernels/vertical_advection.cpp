#include "kernels/vertical_advection.hpp"

#include "kernels/budget_sums.hpp"
#include "kernels/ppm_stages.hpp"

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

namespace {

/// Columns a team advects together: the SIMD lanes of its stages, which run over levels × lanes.
constexpr int kColumnsPerTeam = 32;
/// Padding of a column: three levels below the ground (the ground layer repeated) and three above
/// the top (the air above, q_bc), so the parabolas of the ground and top layers need no tests.
constexpr int kPad = 3;

/// Scratch of a team, each array [level][lane]: per-level coefficients shared by the fields, and
/// the stages of the field being advected.
struct ColumnScratch {
  static constexpr int kArrays = 11;
  /// Air mass of each layer [kg]; per interface the upward (push ≥ 0) and downward (pull ≤ 0) air
  /// flux [kg] and the share of the upwind layer it takes; per layer m / m_new (keep) and
  /// 1 / m_new (inverse); then the padded column of the field and its PPM stages.
  double *m, *push, *pull, *courant_up, *courant_down, *keep, *inverse;
  double *column, *slope, *to_up, *to_down;
  KOKKOS_INLINE_FUNCTION static std::size_t bytes(int levels) {
    return sizeof(double) * kArrays * levels * kColumnsPerTeam;
  }
  /// The arrays, one after the other in `data`.
  KOKKOS_INLINE_FUNCTION static ColumnScratch carve(double* data, int levels) {
    const std::size_t n = static_cast<std::size_t>(levels) * kColumnsPerTeam;
    return {data,         data + n,     data + 2 * n, data + 3 * n, data + 4 * n, data + 5 * n,
            data + 6 * n, data + 7 * n, data + 8 * n, data + 9 * n, data + 10 * n};
  }
};

}  // namespace

void advect_vertical(const DeviceGeometry& geo, View3D<const double> w_kg, double fraction,
                     View2D<const double> q_bc, const FieldList& fields, View4D<double> q,
                     View3D<double> air, View3D<double> top_kg, MassBudget budget, bool monotone) {
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo, nz = geo.nz, ny = geo.ny, nx = geo.nx;
  const int nf = static_cast<int>(fields.extent(0));
  const int levels = nz + 2 * kPad, blocks = (nx + kColumnsPerTeam - 1) / kColumnsPerTeam;
  constexpr int W = kColumnsPerTeam;
  const std::ptrdiff_t level_stride = static_cast<std::ptrdiff_t>(q.stride(1));
  // Level c of the padded column is layer c − kPad; interface kf (0 = ground .. nz = top) lies
  // between levels kf + kPad − 1 and kf + kPad. Interface arrays are stored at kf + 1, with zeros
  // at 0 and nz + 2 (no flux below the ground pad or above the top pad).
  Kokkos::parallel_for(
      "kctm::advect_vertical",
      team_policy(ny * blocks).set_scratch_size(1, Kokkos::PerTeam(ColumnScratch::bytes(levels))),
      KOKKOS_LAMBDA(const TeamMember& team) {
        const int jj = team.league_rank() / blocks, i0 = (team.league_rank() % blocks) * W;
        const int lanes = i0 + W <= nx ? W : nx - i0;
        const ColumnScratch s = ColumnScratch::carve(
            static_cast<double*>(team.team_scratch(1).get_shmem(ColumnScratch::bytes(levels))),
            levels);
        double *m = s.m, *push = s.push, *pull = s.pull, *courant_up = s.courant_up,
               *courant_down = s.courant_down, *keep = s.keep, *inverse = s.inverse;
        double *column = s.column, *to_up = s.to_up, *to_down = s.to_down;
        // Lane w is column i0 + w; lanes past the subdomain repeat its last column (never stored).
        auto column_of = [=](int p) { return i0 + (p % W < lanes ? p % W : lanes - 1); };

        // The coefficients (ColumnScratch), shared by the fields.
        each_cell(team, kPad * W, (kPad + nz) * W, [=](int p) {
          const int k = p / W - kPad, ii = column_of(p);
          m[p] = air(k, jj + h, ii + h) * area(jj + h, ii + h) * dz(k);
        });
        each_cell(team, 0, (nz + 3) * W, [=](int p) {
          const int kf = p / W - 1, ii = column_of(p);
          const bool inside = kf >= 0 && kf <= nz;
          const double flow = inside ? fraction * w_kg(inside ? kf : 0, jj, ii) : 0.0;
          push[p] = flow > 0 ? flow : 0.0;
          pull[p] = flow < 0 ? flow : 0.0;
          // The layer below interface kf is kf − 1, above it kf; the ground has no flux.
          const int below = kf - 1 < 0 ? 0 : (kf - 1 > nz - 1 ? nz - 1 : kf - 1);
          const int above = kf < 0 ? 0 : (kf > nz - 1 ? nz - 1 : kf);
          courant_up[p] = push[p] / m[(below + kPad) * W + p % W];
          courant_down[p] = -pull[p] / m[(above + kPad) * W + p % W];
        });
        each_cell(team, kPad * W, (kPad + nz) * W, [=](int p) {
          const int k = p / W - kPad;
          const int lower = (k + 1) * W + p % W, upper = (k + 2) * W + p % W;  // stored interfaces
          const double m_new = m[p] + (push[lower] + pull[lower]) - (push[upper] + pull[upper]);
          keep[p] = m[p] / m_new;
          inverse[p] = 1 / m_new;
        });

        for (int n = 0; n < nf; ++n) {
          const int f = fields(n);
          // A level of the team's columns is one contiguous load; lanes past the subdomain repeat
          // its last column, the ground pad the ground layer, the top pad the air above.
          const double* field = &q(f, 0, jj + h, i0 + h);
          each_row_lane(team, kPad, kPad + nz, lanes, [=](int c, int w) {
            column[c * W + w] = field[(c - kPad) * level_stride + w];
          });
          if (lanes < W) {
            each_row_lane(team, kPad, kPad + nz, W - lanes, [=](int c, int w) {
              column[c * W + lanes + w] = field[(c - kPad) * level_stride + lanes - 1];
            });
          }
          const double above = q_bc(f, nz - 1);
          each_cell(team, 0, kPad * W, [=](int p) { column[p] = column[kPad * W + p % W]; });
          each_cell(team, (kPad + nz) * W, levels * W, [=](int p) { column[p] = above; });
          // The next field's column starts loading while this one is advected.
          if (n + 1 < nf) {
            const int next = fields(n + 1);
            for (int k = 0; k < nz; ++k) prefetch_line(&q(next, k, jj + h, i0 + h), lanes, 1);
          }
          // Level c's interfaces c − kPad + 1 (up) and c − kPad (down), stored at c − 1 and c − 2.
          ppm::line_outflows<W>(
              team,
              {column, s.slope, to_up, to_down, push, pull, courant_up, courant_down, monotone},
              levels, kPad);
          for (int k = 0; k < nz; ++k) {
            const int row = (k + kPad) * W;
            each_cell(team, 0, lanes, [=](int w) {
              const int p = row + w;
              const double net = (to_up[p - W] + to_down[p]) - (to_up[p] + to_down[p + W]);
              q(f, k, jj + h, i0 + w + h) = keep[p] * column[p] + inverse[p] * net;
            });
          }
          // The tracer mass through the model top, summed per field below in a fixed order.
          const int top = (nz + kPad - 1) * W;
          each_cell(team, 0, lanes,
                    [=](int w) { top_kg(f, jj, i0 + w) = to_up[top + w] + to_down[top + W + w]; });
        }
      });
  Kokkos::parallel_for(
      "kctm::advect_vertical_air", Policy3D({0, 0, 0}, {nz, ny, nx}),
      KOKKOS_LAMBDA(int k, int jj, int ii) {
        air(k, jj + h, ii + h) +=
            fraction * (w_kg(k, jj, ii) - w_kg(k + 1, jj, ii)) / (area(jj + h, ii + h) * dz(k));
      });
  add_column_exchange(top_kg, fields, budget);
}

}  // namespace kctm
