#pragma once
// Meteorology of one input hour on a subdomain, as host arrays that the model copies to the device.
// Winds are normal to cell faces on the projection plane (Arakawa C staggering). Besides what
// transport needs, a snapshot carries the diagnostics chemistry and removal use: temperature,
// humidity, pressure and cloud water per cell; the surface layer, radiation, precipitation and
// land use per column.
#include <cstddef>
#include <vector>

namespace kctm {

/// Per-column fields (j, i) over the interior of the subdomain.
struct SurfaceFields {
  std::vector<double> t2_k;                ///< 2 m temperature [K]
  std::vector<double> q2_kg_kg;            ///< 2 m specific humidity [kg kg-1]
  std::vector<double> psfc_pa;             ///< surface pressure [Pa]
  std::vector<double> u10_m_s, v10_m_s;    ///< 10 m wind on the projection plane [m s-1]
  std::vector<double> precip_mm_h;         ///< precipitation rate [mm h-1]
  std::vector<double> cloud_fraction;      ///< total cloud cover [1]
  std::vector<double> swdown_w_m2;         ///< downward shortwave at the ground [W m-2]
  std::vector<double> cos_zenith;          ///< cosine of the solar zenith angle [1]
  std::vector<double> sensible_heat_w_m2;  ///< upward sensible heat flux [W m-2]
  std::vector<double> ustar_m_s;           ///< friction velocity [m s-1]
  std::vector<double> obukhov_m;           ///< Monin–Obukhov length [m]
  std::vector<double> pblh_m;              ///< boundary-layer height [m]
  std::vector<double>
      ra_s_m;  ///< aerodynamic resistance from z0 to the lowest layer's middle [s m-1]
  std::vector<int> land_use;  ///< USGS 24-category land use (WRF's LU_INDEX) [1..24]

  static SurfaceFields allocate(std::size_t columns);
};

struct MeteoSnapshot {
  int nx, ny, nz, halo;           ///< interior extent and halo width of the subdomain [cells]
  std::vector<double> rho_kg_m3;  ///< air density (k, j, i) over the haloed extent [kg m-3]
  std::vector<double> u_m_s;      ///< x-face wind (k, j, i_face), ny rows × (nx + 1) faces [m s-1]
  std::vector<double> v_m_s;      ///< y-face wind (k, j_face, i), (ny + 1) rows × nx [m s-1]
  std::vector<double> kz_m2_s;    ///< vertical diffusivity at interfaces (k = 0..nz, j, i) [m2 s-1]
  // Per interior cell (k, j, i):
  std::vector<double> temperature_k;      ///< air temperature [K]
  std::vector<double> pressure_pa;        ///< air pressure [Pa]
  std::vector<double> qv_kg_kg;           ///< water vapour mixing ratio [kg kg-1]
  std::vector<double> cloud_water_kg_kg;  ///< cloud liquid water mixing ratio [kg kg-1]
  SurfaceFields surface;

  static MeteoSnapshot allocate(int nx, int ny, int nz, int halo);
  /// Index of interior cell (k, j, i) in the per-cell arrays, and of column (j, i).
  std::size_t cell(int k, int j, int i) const {
    return (static_cast<std::size_t>(k) * ny + j) * nx + i;
  }
  std::size_t column(int j, int i) const { return static_cast<std::size_t>(j) * nx + i; }
};

}  // namespace kctm
