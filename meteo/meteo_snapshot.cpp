#include "meteo/meteo_snapshot.hpp"

namespace kctm {

SurfaceFields SurfaceFields::allocate(std::size_t columns) {
  const std::vector<double> zero(columns, 0.0);
  return {zero, zero, zero, zero, zero,
          zero, zero, zero, zero, zero,
          zero, zero, zero, zero, std::vector<int>(columns, 0)};
}

MeteoSnapshot MeteoSnapshot::allocate(int nx, int ny, int nz, int halo) {
  const std::size_t nxh = nx + 2 * halo, nyh = ny + 2 * halo;
  const std::size_t cells = static_cast<std::size_t>(nz) * ny * nx;
  return {nx,
          ny,
          nz,
          halo,
          std::vector<double>(nz * nyh * nxh),
          std::vector<double>(static_cast<std::size_t>(nz) * ny * (nx + 1)),
          std::vector<double>(static_cast<std::size_t>(nz) * (ny + 1) * nx),
          std::vector<double>(static_cast<std::size_t>(nz + 1) * ny * nx),
          std::vector<double>(cells),
          std::vector<double>(cells),
          std::vector<double>(cells),
          std::vector<double>(cells),
          SurfaceFields::allocate(static_cast<std::size_t>(ny) * nx)};
}

namespace {

/// Rows [j0, j0 + ny) × columns [i0, i0 + nx) of every layer of a (layer, rows, columns) array.
template <class T>
std::vector<T> box(const std::vector<T>& a, int rows, int columns, int j0, int i0, int ny, int nx) {
  const std::size_t layers = a.size() / (static_cast<std::size_t>(rows) * columns);
  std::vector<T> out;
  out.reserve(layers * ny * nx);
  for (std::size_t l = 0; l < layers; ++l) {
    for (int j = j0; j < j0 + ny; ++j) {
      const auto row = a.begin() + static_cast<std::ptrdiff_t>((l * rows + j) * columns + i0);
      out.insert(out.end(), row, row + nx);
    }
  }
  return out;
}

}  // namespace

MeteoSnapshot MeteoSnapshot::block(int i0, int j0, int bnx, int bny) const {
  const int h = halo;
  auto cells = [&](const std::vector<double>& a) { return box(a, ny, nx, j0, i0, bny, bnx); };
  auto columns = [&](const auto& a) { return box(a, ny, nx, j0, i0, bny, bnx); };
  const SurfaceFields& s = surface;
  return {bnx,
          bny,
          nz,
          h,
          box(rho_kg_m3, ny + 2 * h, nx + 2 * h, j0, i0, bny + 2 * h, bnx + 2 * h),
          box(u_m_s, ny, nx + 1, j0, i0, bny, bnx + 1),
          box(v_m_s, ny + 1, nx, j0, i0, bny + 1, bnx),
          cells(kz_m2_s),
          cells(temperature_k),
          cells(pressure_pa),
          cells(qv_kg_kg),
          cells(cloud_water_kg_kg),
          {columns(s.t2_k), columns(s.q2_kg_kg), columns(s.psfc_pa), columns(s.u10_m_s),
           columns(s.v10_m_s), columns(s.precip_mm_h), columns(s.cloud_fraction),
           columns(s.swdown_w_m2), columns(s.cos_zenith), columns(s.sensible_heat_w_m2),
           columns(s.ustar_m_s), columns(s.obukhov_m), columns(s.pblh_m), columns(s.ra_s_m),
           columns(s.land_use)}};
}

}  // namespace kctm
