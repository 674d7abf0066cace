#pragma once
// A synthetic box for transport tests: uniform cells, arbitrary winds and density from functions of
// position, all on the device.
#include <vector>

#include "inputs/device_inputs.hpp"
#include "kernels/horizontal_advection.hpp"
#include "kernels/host_copy.hpp"
#include "kernels/transport_views.hpp"
#include "kernels/vertical_diffusion.hpp"
#include "meteo/meteo_snapshot.hpp"

namespace kctm::test {

struct TransportBox {
  int nx, ny, nz, h = kAdvectionHalo;
  double dx_m, dy_m;
  std::vector<double> dz_m;
  DeviceGeometry geo;
  DeviceMeteo met;
  MeteoSnapshot snap;

  TransportBox(int nx_, int ny_, std::vector<double> dz, double dx = 1000.0, double dy = 1000.0)
      : nx(nx_), ny(ny_), nz(static_cast<int>(dz.size())), dx_m(dx), dy_m(dy), dz_m(std::move(dz)) {
    const int nxh = nx + 2 * h, nyh = ny + 2 * h;
    std::vector<double> dzc(nz + 1, 0.0);
    for (int k = 1; k < nz; ++k) dzc[k] = 0.5 * (dz_m[k - 1] + dz_m[k]);
    geo.nx = nx, geo.ny = ny, geo.nz = nz, geo.halo = h;
    geo.area_m2 =
        device_copy<View2D<double>>("area", std::vector<double>(nxh * nyh, dx * dy), nyh, nxh);
    geo.x_face_len_m =
        device_copy<View2D<double>>("xlen", std::vector<double>(ny * (nx + 1), dy), ny, nx + 1);
    geo.y_face_len_m =
        device_copy<View2D<double>>("ylen", std::vector<double>((ny + 1) * nx, dx), ny + 1, nx);
    geo.dz_m = device_copy<View1D<double>>("dz", dz_m, nz);
    geo.dz_center_m = device_copy<View1D<double>>("dzc", dzc, nz + 1);
    geo.at_west = geo.at_east = geo.at_south = geo.at_north = true;
    met = allocate_device_meteo(geo);
    snap = MeteoSnapshot::allocate(nx, ny, nz, h);
  }

  /// An inflow of each field's value in every layer (field, k), as Transport takes it.
  std::vector<double> inflow(const std::vector<double>& per_field) const {
    std::vector<double> q;
    for (const double v : per_field) q.insert(q.end(), nz, v);
    return q;
  }

  /// Centre of haloed cell (i, j) and layer k [m].
  double x(double i) const { return (i - h + 0.5) * dx_m; }
  double y(double j) const { return (j - h + 0.5) * dy_m; }
  double z(int k) const {
    double top = 0;
    for (int l = 0; l < k; ++l) top += dz_m[l];
    return top + 0.5 * dz_m[k];
  }

  /// Face winds from u(x, y, z) and v(x, y, z) evaluated at the face centres [m s-1].
  template <class U, class V>
  void set_winds(U u, V v) {
    for (int k = 0; k < nz; ++k) {
      for (int j = 0; j < ny; ++j) {
        for (int f = 0; f <= nx; ++f) {
          snap.u_m_s[(static_cast<std::size_t>(k) * ny + j) * (nx + 1) + f] =
              u(x(f + h - 0.5), y(j + h), z(k));
        }
      }
      for (int f = 0; f <= ny; ++f) {
        for (int i = 0; i < nx; ++i) {
          snap.v_m_s[(static_cast<std::size_t>(k) * (ny + 1) + f) * nx + i] =
              v(x(i + h), y(f + h - 0.5), z(k));
        }
      }
    }
  }

  /// Density ρ(x, y, z) over the haloed cells and a constant Kz [kg m-3, m2 s-1].
  template <class Rho>
  void set_density(Rho rho, double kz = 0.0) {
    const int nxh = nx + 2 * h, nyh = ny + 2 * h;
    for (int k = 0; k < nz; ++k)
      for (int j = 0; j < nyh; ++j)
        for (int i = 0; i < nxh; ++i)
          snap.rho_kg_m3[(static_cast<std::size_t>(k) * nyh + j) * nxh + i] = rho(x(i), y(j), z(k));
    std::fill(snap.kz_m2_s.begin(), snap.kz_m2_s.end(), kz);
  }

  void upload() { upload_meteo(snap, met); }

  /// Haloed field of one variable from q(x, y, z) (n fields of the same shape).
  template <class Q>
  View4D<double> field(int n_fields, Q q) const {
    const int nxh = nx + 2 * h, nyh = ny + 2 * h;
    View4D<double> v("q", n_fields, nz, nyh, nxh);
    auto host = Kokkos::create_mirror_view(v);
    for (int n = 0; n < n_fields; ++n)
      for (int k = 0; k < nz; ++k)
        for (int j = 0; j < nyh; ++j)
          for (int i = 0; i < nxh; ++i) host(n, k, j, i) = q(x(i), y(j), z(k));
    Kokkos::deep_copy(v, host);
    return v;
  }
};

/// No emissions and no deposition for n fields on nz × ny × nx cells: every field has its slot
/// (field n in slot n) for a test to emit into.
inline ColumnExchange no_exchange(int n, int nz, int ny, int nx) {
  std::vector<int> slots(n);
  for (int f = 0; f < n; ++f) slots[f] = f;
  return {View4D<double>("emis", n, nz, ny, nx),
          device_copy<View1D<int>>("emission_slot", slots, n), View3D<double>("vdep", n, ny, nx)};
}

}  // namespace kctm::test
