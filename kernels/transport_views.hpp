#pragma once
// Device-side bundles the transport kernels read: static geometry and the meteorology of the hour.
#include <numeric>
#include <vector>

#include "kernels/host_copy.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm {

/// Geometry of a subdomain on the device. Cell-centred arrays cover the haloed extent; face arrays
/// cover the interior rows/columns, face f lying between interior cells f − 1 and f.
struct DeviceGeometry {
  int nx, ny, nz, halo;         ///< interior extent and halo width [cells]
  View2D<double> area_m2;       ///< true cell area (j, i), haloed [m2]
  View2D<double> x_face_len_m;  ///< true length of x-faces (j, i_face): ny × (nx + 1) [m]
  View2D<double> y_face_len_m;  ///< true length of y-faces (j_face, i): (ny + 1) × nx [m]
  View1D<double> dz_m;          ///< layer thickness (k) [m]
  View1D<double> dz_center_m;  ///< distance between layer mid-points across interface k (0..nz) [m]
  bool at_west, at_east, at_south, at_north;  ///< which sides are lateral boundaries
};

/// Meteorology on the device (see meteo/meteo_snapshot.hpp for the staggering).
struct DeviceMeteo {
  View3D<double> rho_kg_m3;  ///< (k, j, i), haloed [kg m-3]
  View3D<double> u_m_s;      ///< (k, j, i_face) [m s-1]
  View3D<double> v_m_s;      ///< (k, j_face, i) [m s-1]
  View3D<double> kz_m2_s;    ///< (k_interface, j, i) [m2 s-1]
};

/// What removal reads of the hour besides DeviceMeteo (deposition/dry_deposition,
/// deposition/wet_scavenging), over the interior: per column (j, i) and per cell (k, j, i).
struct DeviceSurface {
  View2D<double> ustar_m_s;    ///< friction velocity [m s-1]
  View2D<double> ra_s_m;       ///< aerodynamic resistance, z0 to the lowest layer's middle [s m-1]
  View2D<double> t2_k;         ///< 2 m temperature [K]
  View2D<double> psfc_pa;      ///< surface pressure [Pa]
  View2D<double> swdown_w_m2;  ///< downward shortwave at the ground [W m-2]
  View2D<double> precip_mm_h;  ///< precipitation rate at the ground [mm h-1]
  View2D<double> pblh_m;       ///< boundary-layer height [m]
  View2D<int> land_use;        ///< USGS 24-category land use [1..24]
  View3D<double> temperature_k;      ///< air temperature (k, j, i) [K]
  View3D<double> cloud_water_kg_kg;  ///< cloud liquid water (k, j, i) [kg kg-1]
};

/// The fields a transport operator moves, as indices into the state's first dimension, in
/// increasing order: the state's fields but the short-lived radicals (state/model_species.hpp),
/// which stay in their cells.
using FieldList = View1D<const int>;

/// Fields 0 .. n − 1.
inline FieldList all_fields(int n) {
  std::vector<int> fields(n);
  std::iota(fields.begin(), fields.end(), 0);
  return device_vector("all_fields", fields);
}

/// Mass that entered and left the domain, per field (field, column) [kg]: inflow and outflow
/// through the lateral boundaries and the model top, dry deposition to the ground and wet
/// deposition (scavenged by precipitation).
using MassBudget = View2D<double>;
enum BudgetColumn {
  kInflow = 0,
  kOutflow = 1,
  kDeposited = 2,
  kWetDeposited = 3,
  kBudgetColumns = 4
};

}  // namespace kctm
