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

}  // namespace kctm
