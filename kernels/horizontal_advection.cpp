#include "kernels/horizontal_advection.hpp"

#include "kernels/host_copy.hpp"
#include "kernels/ppm_stages.hpp"

namespace kctm {

namespace {

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
  AdvectionWork work{View3D<double>("face_air_kg", geo.nz, lines, lines + 1),
                     View4D<double>("edge_kg", n_fields, geo.nz, lines, 2),
                     View1D<int>("level_substeps", geo.nz)};
  Kokkos::deep_copy(work.level_substeps, 1);
  return work;
}

void face_air_fluxes(const DeviceGeometry& geo, const DeviceMeteo& met, Axis axis, double dt_s,
                     const AdvectionWork& work) {
  const auto rho = met.rho_kg_m3;
  const auto u = met.u_m_s, v = met.v_m_s;
  const auto xlen = geo.x_face_len_m, ylen = geo.y_face_len_m;
  const auto dz = geo.dz_m;
  const auto out = work.face_air_kg;
  const auto substeps = work.level_substeps;
  const int h = geo.halo;
  const bool x = axis == Axis::X;
  const Lines l = lines_of(geo, axis);
  Kokkos::parallel_for(
      "kctm::face_air_fluxes", Policy3D({0, 0, 0}, {geo.nz, l.count, l.cells + 1}),
      KOKKOS_LAMBDA(int k, int line, int f) {
        // Face f of the line lies between its cells f − 1 and f (haloed index f + h − 1, f + h).
        const double dt = dt_s / substeps(k);
        if (x) {
          const double r = 0.5 * (rho(k, line + h, f + h - 1) + rho(k, line + h, f + h));
          out(k, line, f) = dt * dz(k) * xlen(line, f) * u(k, line, f) * r;
        } else {
          const double r = 0.5 * (rho(k, f + h - 1, line + h) + rho(k, f + h, line + h));
          out(k, line, f) = dt * dz(k) * ylen(f, line) * v(k, f, line) * r;
        }
      });
}

std::vector<double> max_outflow_courant(const DeviceGeometry& geo, View3D<const double> air,
                                        Axis axis, const AdvectionWork& work) {
  const auto flux = work.face_air_kg;
  const auto area = geo.area_m2;
  const auto dz = geo.dz_m;
  const int h = geo.halo;
  const bool x = axis == Axis::X;
  const Lines l = lines_of(geo, axis);
  const View1D<double> per_level("max_outflow_courant", geo.nz);
  Kokkos::parallel_for(
      "kctm::max_outflow_courant", team_policy(geo.nz), KOKKOS_LAMBDA(const TeamMember& team) {
        const int k = team.league_rank();
        double c = 0;
        Kokkos::parallel_reduce(
            Kokkos::TeamThreadRange(team, l.count * l.cells),
            [&](int p, double& cmax) {
              const int line = p / l.cells, cell = p % l.cells;
              const double lo = flux(k, line, cell), hi = flux(k, line, cell + 1);
              const int j = (x ? line : cell) + h, i = (x ? cell : line) + h;
              const double out = (lo < 0 ? -lo : 0.0) + (hi > 0 ? hi : 0.0);
              const double ci = out / (air(k, j, i) * area(j, i) * dz(k));
              if (ci > cmax) cmax = ci;
            },
            Kokkos::Max<double>(c));
        Kokkos::single(Kokkos::PerTeam(team), [&]() { per_level(k) = c; });
      });
  return copy_to_host(per_level);
}

namespace {

/// Grid lines a team sweeps for each field: along x one after the other (a field's lines of a
/// block are contiguous in memory, so the hardware prefetcher sees long streams while the block's
/// coefficients stay in cache); along y side by side, as the lanes of one row (LaneScratch).
constexpr int kLinesPerTeam = 16;

/// What a sweep reads besides the field and the air: the work arrays, the cells' areas and the
/// layers' depths, and its sizes.
struct Sweep {
  View3D<double> flux_air;  ///< work.face_air_kg
  View1D<int> substeps;     ///< work.level_substeps
  View4D<double> edge;      ///< work.edge_kg
  View2D<double> area;      ///< geo.area_m2
  View1D<double> dz;        ///< geo.dz_m
  FieldList fields;         ///< the fields swept; edge holds the n-th at n
  int h, nf, nz;            ///< halo, fields swept, levels
  Lines l;                  ///< the sweep's lines
};

Sweep sweep_of(const DeviceGeometry& geo, Axis axis, const FieldList& fields,
               const AdvectionWork& work) {
  return {work.face_air_kg, work.level_substeps,
          work.edge_kg,     geo.area_m2,
          geo.dz_m,         fields,
          geo.halo,         static_cast<int>(fields.extent(0)),
          geo.nz,           lines_of(geo, axis)};
}

/// Scratch of a team: per line of its block, the field-independent coefficients of the sweep
/// (faces f = 0..cells stored at f + 1, with a zero at each end, so that a cell's two faces can
/// be read without bounds tests); per line being swept, the work arrays of the stages.
struct LineScratch {
  static constexpr int kCoefficients = 7, kWork = 3;
  double* coefficients;  // [line of block][kCoefficients][len]
  double* work;          // [kWork][len]
  int len;
  KOKKOS_INLINE_FUNCTION static std::size_t bytes_of_coefficients(int len) {
    return sizeof(double) * kLinesPerTeam * kCoefficients * len;
  }
  KOKKOS_INLINE_FUNCTION static std::size_t bytes_of_work(int len) {
    return sizeof(double) * kWork * len;
  }
  /// Air mass m of the cells [kg]; per face the outflow to the right (push ≥ 0) and to the left
  /// (pull ≤ 0) [kg] with the share of the upwind cell it takes (Courant numbers); per cell
  /// m / m_new (keep) and 1 / m_new (inverse).
  struct Coefficients {
    double *m, *push, *pull, *courant_right, *courant_left, *keep, *inverse;
  };
  KOKKOS_INLINE_FUNCTION Coefficients coefficients_of(int line_of_block) const {
    double* c = coefficients + line_of_block * kCoefficients * len;
    return {c, c + len, c + 2 * len, c + 3 * len, c + 4 * len, c + 5 * len, c + 6 * len};
  }
  KOKKOS_INLINE_FUNCTION double* stage(int which) const { return work + which * len; }
};

/// The sweep along x: a team takes kLinesPerTeam rows of one level and sweeps them field by
/// field, line by line, each line read and updated in place where it lies (contiguous).
void advect_along_x(const Sweep& g, View4D<double> q, View3D<const double> air, bool monotone,
                    int substep) {
  const int h = g.h, nf = g.nf, nz = g.nz;
  const Lines l = g.l;
  const int cells = l.cells, len = cells + 2 * h;  // cells of a line with its halo
  const int blocks = (l.count + kLinesPerTeam - 1) / kLinesPerTeam;

  Kokkos::parallel_for(
      "kctm::advect_horizontal_x",
      team_policy(nz * blocks)
          .set_scratch_size(0, Kokkos::PerTeam(LineScratch::bytes_of_work(len)))
          .set_scratch_size(1, Kokkos::PerTeam(LineScratch::bytes_of_coefficients(len))),
      KOKKOS_LAMBDA(const TeamMember& team) {
        const int k = team.league_rank() / blocks;
        if (g.substeps(k) <= substep) return;  // the level's sub-steps are done
        const int first = (team.league_rank() % blocks) * kLinesPerTeam;
        const int last = first + kLinesPerTeam < l.count ? first + kLinesPerTeam : l.count;
        const LineScratch s{
            static_cast<double*>(
                team.team_scratch(1).get_shmem(LineScratch::bytes_of_coefficients(len))),
            static_cast<double*>(team.team_scratch(0).get_shmem(LineScratch::bytes_of_work(len))),
            len};

        // Field-independent coefficients of each line (LineScratch::Coefficients).
        for (int line = first; line < last; ++line) {
          const int lh = line + h;
          const LineScratch::Coefficients cf = s.coefficients_of(line - first);
          double *m = cf.m, *push = cf.push, *pull = cf.pull, *courant_right = cf.courant_right,
                 *courant_left = cf.courant_left, *keep = cf.keep, *inverse = cf.inverse;
          const double* air_line = &air(k, lh, 0);
          const double* area_line = &g.area(lh, 0);
          const double* flows = &g.flux_air(k, line, 0);
          const double dz_k = g.dz(k);
          each_cell(team, 0, len, [=](int c) { m[c] = air_line[c] * area_line[c] * dz_k; });
          each_cell(team, 0, cells + 1, [=](int f) {
            // Face f lies between cells f + h − 1 and f + h of the line; stored at f + 1.
            const double flow = flows[f];
            push[f + 1] = flow > 0 ? flow : 0.0;
            pull[f + 1] = flow < 0 ? flow : 0.0;
            courant_right[f + 1] = push[f + 1] / m[f + h - 1];
            courant_left[f + 1] = -pull[f + 1] / m[f + h];
          });
          Kokkos::single(Kokkos::PerTeam(team), [&]() {
            push[0] = pull[0] = courant_right[0] = courant_left[0] = 0;
            push[cells + 2] = pull[cells + 2] = courant_right[cells + 2] = 0;
            courant_left[cells + 2] = 0;
          });
          each_cell(team, 0, cells, [=](int c) {
            const double m_new = m[c + h] + flows[c] - flows[c + 1];
            keep[c] = m[c + h] / m_new;
            inverse[c] = 1 / m_new;
          });
        }

        double* slope = s.stage(0);
        double* to_right = s.stage(1);
        double* to_left = s.stage(2);
        for (int n = 0; n < nf; ++n) {
          const int f = g.fields(n);
          for (int line = first; line < last; ++line) {
            double* line_q = &q(f, k, line + h, 0);
            const LineScratch::Coefficients cf = s.coefficients_of(line - first);
            const double *keep = cf.keep, *inverse = cf.inverse;
            if (line + 1 < last || n + 1 < nf) {
              const int next_line = line + 1 < last ? line + 1 : first;
              const int next_n = line + 1 < last ? n : n + 1;
              prefetch_line(&q(g.fields(next_n), k, next_line + h, 0), len, 1);
            }
            ppm::line_outflows<1>(team,
                                  {line_q, slope, to_right, to_left, cf.push, cf.pull,
                                   cf.courant_right, cf.courant_left, monotone},
                                  len, h);
            // Face f carries to_right[f + h − 1] + to_left[f + h].
            each_cell(team, 0, cells, [=](int c) {
              const int a = c + h;
              const double net = (to_right[a - 1] + to_left[a]) - (to_right[a] + to_left[a + 1]);
              line_q[a] = keep[c] * line_q[a] + inverse[c] * net;
            });
            Kokkos::single(Kokkos::PerTeam(team), [&]() {
              g.edge(n, k, line, 0) = to_right[h - 1] + to_left[h];
              g.edge(n, k, line, 1) = to_right[cells + h - 1] + to_left[cells + h];
            });
            team.team_barrier();
          }
        }
      });
}

/// Scratch of a team of the sweep along y, each array [cell][lane]: the team's kLinesPerTeam
/// lines (neighbouring columns i) side by side as the SIMD lanes, so that a row of the block is
/// one contiguous load and the stages vectorise across lines, as the vertical sweep's columns do.
struct LaneScratch {
  static constexpr int kArrays = 11, W = kLinesPerTeam;
  /// As LineScratch::Coefficients (faces stored at f + 1), then the rows of the field being swept
  /// and its stages.
  double *m, *push, *pull, *courant_right, *courant_left, *keep, *inverse;
  double *rows, *slope, *to_right, *to_left;
  KOKKOS_INLINE_FUNCTION static std::size_t bytes(int len) {
    return sizeof(double) * kArrays * len * W;
  }
  KOKKOS_INLINE_FUNCTION static LaneScratch carve(double* data, int len) {
    const std::size_t n = static_cast<std::size_t>(len) * W;
    return {data,         data + n,     data + 2 * n, data + 3 * n, data + 4 * n, data + 5 * n,
            data + 6 * n, data + 7 * n, data + 8 * n, data + 9 * n, data + 10 * n};
  }
};

/// The sweep along y: a team takes kLinesPerTeam neighbouring columns of one level, field by
/// field, the columns as lanes (LaneScratch). Each cell's arithmetic is that of the sweep along x.
void advect_along_y(const Sweep& g, View4D<double> q, View3D<const double> air, bool monotone,
                    int substep) {
  const int h = g.h, nf = g.nf, nz = g.nz;
  const Lines l = g.l;
  const int cells = l.cells, len = cells + 2 * h;
  constexpr int W = LaneScratch::W;
  const int blocks = (l.count + W - 1) / W;
  const std::ptrdiff_t row_stride = static_cast<std::ptrdiff_t>(q.stride(2));

  Kokkos::parallel_for(
      "kctm::advect_horizontal_y",
      team_policy(nz * blocks).set_scratch_size(1, Kokkos::PerTeam(LaneScratch::bytes(len))),
      KOKKOS_LAMBDA(const TeamMember& team) {
        const int k = team.league_rank() / blocks, i0 = (team.league_rank() % blocks) * W;
        if (g.substeps(k) <= substep) return;  // the level's sub-steps are done
        const int lanes = i0 + W <= l.count ? W : l.count - i0;
        const LaneScratch s = LaneScratch::carve(
            static_cast<double*>(team.team_scratch(1).get_shmem(LaneScratch::bytes(len))), len);
        double *m = s.m, *push = s.push, *pull = s.pull, *courant_right = s.courant_right,
               *courant_left = s.courant_left, *keep = s.keep, *inverse = s.inverse;
        double *rows = s.rows, *to_right = s.to_right, *to_left = s.to_left;
        // Lane w is column i0 + w; lanes past the block repeat its last column (never stored).
        auto line_of = [=](int p) { return i0 + (p % W < lanes ? p % W : lanes - 1); };
        const double dz_k = g.dz(k);

        // Field-independent coefficients (as along x; cell c of lane w at c W + w).
        each_cell(team, 0, len * W, [=](int p) {
          const int c = p / W, ih = line_of(p) + h;
          m[p] = air(k, c, ih) * g.area(c, ih) * dz_k;
        });
        each_cell(team, 0, (cells + 3) * W, [=](int p) {
          // Face f = p / W − 1 lies between cells f + h − 1 and f + h; rows 0 and cells + 2 zero.
          const int f = p / W - 1;
          const bool inside = f >= 0 && f <= cells;
          const double flow = inside ? g.flux_air(k, line_of(p), inside ? f : 0) : 0.0;
          push[p] = flow > 0 ? flow : 0.0;
          pull[p] = flow < 0 ? flow : 0.0;
          courant_right[p] = inside ? push[p] / m[p + (h - 2) * W] : 0.0;
          courant_left[p] = inside ? -pull[p] / m[p + (h - 1) * W] : 0.0;
        });
        each_cell(team, 0, cells * W, [=](int p) {
          const int c = p / W, line = line_of(p);
          const double m_new = m[p + h * W] + g.flux_air(k, line, c) - g.flux_air(k, line, c + 1);
          keep[p] = m[p + h * W] / m_new;
          inverse[p] = 1 / m_new;
        });

        for (int n = 0; n < nf; ++n) {
          const int f = g.fields(n);
          const double* field = &q(f, k, 0, i0 + h);
          // Lanes past the block repeat its last column: all lanes hold a line of real air.
          each_row_lane(team, 0, len, lanes,
                        [=](int c, int w) { rows[c * W + w] = field[c * row_stride + w]; });
          if (lanes < W) {
            each_row_lane(team, 0, len, W - lanes, [=](int c, int w) {
              rows[c * W + lanes + w] = field[c * row_stride + lanes - 1];
            });
          }
          // The next field's rows start loading while this one is swept (a row's lanes span up to
          // three cache lines).
          if (n + 1 < nf) {
            const double* next = &q(g.fields(n + 1), k, 0, i0 + h);
            for (int w = 0; w < lanes; w += 8) prefetch_line(next + w, len, row_stride);
            prefetch_line(next + lanes - 1, len, row_stride);
          }
          ppm::line_outflows<W>(
              team,
              {rows, s.slope, to_right, to_left, push, pull, courant_right, courant_left, monotone},
              len, h);
          // Face f carries to_right[f + h − 1] + to_left[f + h] (rows of W lanes).
          double* updated = &q(f, k, 0, i0 + h);
          each_row_lane(team, 0, cells, lanes, [=](int c, int w) {
            const int a = (c + h) * W + w;
            const double net = (to_right[a - W] + to_left[a]) - (to_right[a] + to_left[a + W]);
            updated[(c + h) * row_stride + w] =
                keep[c * W + w] * rows[a] + inverse[c * W + w] * net;
          });
          each_cell(team, 0, lanes, [=](int w) {
            g.edge(n, k, i0 + w, 0) = to_right[(h - 1) * W + w] + to_left[h * W + w];
            g.edge(n, k, i0 + w, 1) =
                to_right[(cells + h - 1) * W + w] + to_left[(cells + h) * W + w];
          });
        }
      });
}

}  // namespace

void advect_horizontal(const DeviceGeometry& geo, Axis axis, const FieldList& fields,
                       View4D<double> q, View3D<double> air, const AdvectionWork& work,
                       MassBudget budget, bool monotone, int substep) {
  const Sweep g = sweep_of(geo, axis, fields, work);
  const int h = g.h, nf = g.nf, nz = g.nz;
  const bool x = axis == Axis::X;
  const Lines l = g.l;
  if (x) {
    advect_along_x(g, q, air, monotone, substep);
  } else {
    advect_along_y(g, q, air, monotone, substep);
  }

  // Boundary budget: one thread per field sums its edge faces in a fixed order (deterministic).
  const bool lo_is_boundary = x ? geo.at_west : geo.at_south;
  const bool hi_is_boundary = x ? geo.at_east : geo.at_north;
  Kokkos::parallel_for(
      "kctm::advect_horizontal_budget", Policy1D(0, nf), KOKKOS_LAMBDA(int n) {
        double in = 0, out = 0;
        for (int k = 0; k < nz; ++k) {
          if (g.substeps(k) <= substep) continue;
          for (int line = 0; line < l.count; ++line) {
            const double lo = g.edge(n, k, line, 0), hi = g.edge(n, k, line, 1);
            if (lo_is_boundary) (lo > 0 ? in : out) += lo > 0 ? lo : -lo;
            if (hi_is_boundary) (hi > 0 ? out : in) += hi > 0 ? hi : -hi;
          }
        }
        budget(g.fields(n), kInflow) += in;
        budget(g.fields(n), kOutflow) += out;
      });

  // The air moves with the same fluxes (after the fields, which read the old air mass).
  Kokkos::parallel_for(
      "kctm::advect_horizontal_air", Policy3D({0, 0, 0}, {nz, l.count, l.cells}),
      KOKKOS_LAMBDA(int k, int line, int cell) {
        if (g.substeps(k) <= substep) return;
        const int j = (x ? line : cell) + h, i = (x ? cell : line) + h;
        const double net = g.flux_air(k, line, cell) - g.flux_air(k, line, cell + 1);
        air(k, j, i) += net / (g.area(j, i) * g.dz(k));
      });
}

}  // namespace kctm
