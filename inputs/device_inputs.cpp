#include "inputs/device_inputs.hpp"

#include "kernels/host_copy.hpp"

namespace kctm {

DeviceGeometry make_device_geometry(const GlobalGrid& grid, const Subdomain& sub,
                                    const GridGeometry& g) {
  const int h = sub.halo, nx = sub.nx, ny = sub.ny, nz = grid.nz();
  const VerticalLevels& lev = grid.levels();
  std::vector<double> dz(nz), dzc(nz + 1, 0.0);
  for (int k = 0; k < nz; ++k) dz[k] = lev.thickness_m(k);
  for (int k = 1; k < nz; ++k) dzc[k] = lev.mid_m(k) - lev.mid_m(k - 1);

  DeviceGeometry geo;
  geo.nx = nx, geo.ny = ny, geo.nz = nz, geo.halo = h;
  geo.area_m2 = device_copy<View2D<double>>("cell_area", g.cell_area_m2, g.ny, g.nx);
  geo.x_face_len_m = device_copy<View2D<double>>("x_face_len", g.x_face_len_m, ny, nx + 1);
  geo.y_face_len_m = device_copy<View2D<double>>("y_face_len", g.y_face_len_m, ny + 1, nx);
  geo.dz_m = device_copy<View1D<double>>("dz", dz, nz);
  geo.dz_center_m = device_copy<View1D<double>>("dz_center", dzc, nz + 1);
  geo.at_west = sub.at_west(), geo.at_east = sub.at_east();
  geo.at_south = sub.at_south(), geo.at_north = sub.at_north();
  return geo;
}

DeviceMeteo allocate_device_meteo(const DeviceGeometry& geo) {
  const int h = geo.halo;
  return {View3D<double>("rho", geo.nz, geo.ny + 2 * h, geo.nx + 2 * h),
          View3D<double>("u", geo.nz, geo.ny, geo.nx + 1),
          View3D<double>("v", geo.nz, geo.ny + 1, geo.nx),
          View3D<double>("kz", geo.nz + 1, geo.ny, geo.nx)};
}

void upload_meteo(const MeteoSnapshot& s, const DeviceMeteo& met) {
  copy_to_device(s.rho_kg_m3, met.rho_kg_m3);
  copy_to_device(s.u_m_s, met.u_m_s);
  copy_to_device(s.v_m_s, met.v_m_s);
  copy_to_device(s.kz_m2_s, met.kz_m2_s);
}

DeviceSurface allocate_device_surface(const DeviceGeometry& geo) {
  const int nx = geo.nx, ny = geo.ny, nz = geo.nz;
  DeviceSurface s;
  s.ustar_m_s = View2D<double>("ustar", ny, nx);
  s.ra_s_m = View2D<double>("ra", ny, nx);
  s.t2_k = View2D<double>("t2", ny, nx);
  s.psfc_pa = View2D<double>("psfc", ny, nx);
  s.swdown_w_m2 = View2D<double>("swdown", ny, nx);
  s.precip_mm_h = View2D<double>("precip", ny, nx);
  s.pblh_m = View2D<double>("pblh", ny, nx);
  s.land_use = View2D<int>("land_use", ny, nx);
  s.temperature_k = View3D<double>("temperature", nz, ny, nx);
  s.cloud_water_kg_kg = View3D<double>("cloud_water", nz, ny, nx);
  return s;
}

void upload_surface(const MeteoSnapshot& s, const DeviceSurface& surface) {
  const SurfaceFields& f = s.surface;
  copy_to_device(f.ustar_m_s, surface.ustar_m_s);
  copy_to_device(f.ra_s_m, surface.ra_s_m);
  copy_to_device(f.t2_k, surface.t2_k);
  copy_to_device(f.psfc_pa, surface.psfc_pa);
  copy_to_device(f.swdown_w_m2, surface.swdown_w_m2);
  copy_to_device(f.precip_mm_h, surface.precip_mm_h);
  copy_to_device(f.pblh_m, surface.pblh_m);
  copy_to_device(f.land_use, surface.land_use);
  copy_to_device(s.temperature_k, surface.temperature_k);
  copy_to_device(s.cloud_water_kg_kg, surface.cloud_water_kg_kg);
}

}  // namespace kctm
