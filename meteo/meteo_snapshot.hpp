#pragma once
// Meteorology of one input hour on a subdomain, as host arrays that the model copies to the device.
// Winds are normal to cell faces on the projection plane (Arakawa C staggering).
#include <cstddef>
#include <vector>

namespace kctm {

struct MeteoSnapshot {
  int nx, ny, nz, halo;           ///< interior extent and halo width of the subdomain [cells]
  std::vector<double> rho_kg_m3;  ///< air density (k, j, i) over the haloed extent [kg m-3]
  std::vector<double> u_m_s;      ///< x-face wind (k, j, i_face), ny rows × (nx + 1) faces [m s-1]
  std::vector<double> v_m_s;      ///< y-face wind (k, j_face, i), (ny + 1) rows × nx [m s-1]
  std::vector<double> kz_m2_s;    ///< vertical diffusivity at interfaces (k = 0..nz, j, i) [m2 s-1]

  static MeteoSnapshot allocate(int nx, int ny, int nz, int halo) {
    const std::size_t nxh = nx + 2 * halo, nyh = ny + 2 * halo;
    return {nx,
            ny,
            nz,
            halo,
            std::vector<double>(nz * nyh * nxh),
            std::vector<double>(static_cast<std::size_t>(nz) * ny * (nx + 1)),
            std::vector<double>(static_cast<std::size_t>(nz) * (ny + 1) * nx),
            std::vector<double>(static_cast<std::size_t>(nz + 1) * ny * nx)};
  }
};

}  // namespace kctm
