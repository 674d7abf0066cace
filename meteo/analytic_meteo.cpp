#include "meteo/analytic_meteo.hpp"

#include <algorithm>
#include <cmath>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "meteo/isothermal_atmosphere.hpp"

namespace kctm {

namespace {
using constants::kPi;
// LeVeque (1996) runs the swirling flow on the unit square with period T = 1.5 time units; a run's
// period_s fixes the time unit.
constexpr double kLeVequePeriod = 1.5;
}  // namespace

bool is_analytic_flow(const std::string& f) {
  return f == "uniform" || f == "rotation" || f == "deformation" || f == "divergent";
}

AnalyticMeteo::AnalyticMeteo(const AnalyticMeteoConfig& config, const GlobalGrid& grid,
                             const Subdomain& sub, const GridGeometry& geometry, UnixSeconds start)
    : config_(config), grid_(grid), sub_(sub), geometry_(geometry), start_(start) {
  if (!is_analytic_flow(config_.flow)) {
    throw Error("meteo.analytic.flow", "unknown flow '" + config_.flow + "'",
                "uniform, rotation, deformation or divergent");
  }
}

MeteoSnapshot AnalyticMeteo::at(UnixSeconds t) const {
  const int nz = grid_.nz(), nx = sub_.nx, ny = sub_.ny, h = sub_.halo;
  MeteoSnapshot m = MeteoSnapshot::allocate(nx, ny, nz, h);
  const double lx = grid_.nx() * grid_.dx_m(), ly = grid_.ny() * grid_.dy_m();
  const double x0 = grid_.x0_m(), y0 = grid_.y0_m();
  const double time_s = static_cast<double>(t - start_);
  // Stream function on the projection plane [m2 s-1] (flux per metre of height per unit density).
  auto psi = [&](double x, double y) {
    const double xi = (x - x0) / lx, eta = (y - y0) / ly;
    if (config_.flow == "rotation") {
      const double omega = 2 * kPi / config_.period_s;
      return -0.5 * omega *
             ((xi - 0.5) * (xi - 0.5) * lx * lx + (eta - 0.5) * (eta - 0.5) * ly * ly);
    }
    const double time_unit_s = config_.period_s / kLeVequePeriod;
    return lx * ly / time_unit_s / kPi * std::pow(std::sin(kPi * xi), 2) *
           std::pow(std::sin(kPi * eta), 2) * std::cos(kPi * time_s / config_.period_s);
  };
  const bool streamfunction = config_.flow == "rotation" || config_.flow == "deformation";
  const double from = config_.direction_deg * kPi / 180, s = config_.speed_m_s;
  std::vector<double> u_layer(static_cast<std::size_t>(ny) * (nx + 1));
  std::vector<double> v_layer(static_cast<std::size_t>(ny + 1) * nx);
  for (int j = 0; j < ny; ++j) {
    for (int f = 0; f <= nx; ++f) {
      const double x = x0 + (sub_.i0 + f) * grid_.dx_m(), yb = y0 + (sub_.j0 + j) * grid_.dy_m();
      const std::size_t c = static_cast<std::size_t>(j) * (nx + 1) + f;
      if (streamfunction) {
        u_layer[c] = (psi(x, yb + grid_.dy_m()) - psi(x, yb)) / geometry_.x_face_len_m[c];
      } else if (config_.flow == "uniform") {
        u_layer[c] = -s * std::sin(from);
      } else {
        u_layer[c] = s * (1 + 0.5 * std::sin(2 * kPi * (x - x0) / lx));
      }
    }
  }
  for (int f = 0; f <= ny; ++f) {
    for (int i = 0; i < nx; ++i) {
      const double y = y0 + (sub_.j0 + f) * grid_.dy_m(), xl = x0 + (sub_.i0 + i) * grid_.dx_m();
      const std::size_t c = static_cast<std::size_t>(f) * nx + i;
      if (streamfunction) {
        v_layer[c] = -(psi(xl + grid_.dx_m(), y) - psi(xl, y)) / geometry_.y_face_len_m[c];
      } else if (config_.flow == "uniform") {
        v_layer[c] = -s * std::cos(from);
      } else {
        v_layer[c] = s * (1 + 0.5 * std::cos(2 * kPi * (y - y0) / ly));
      }
    }
  }
  const std::size_t cells_h = static_cast<std::size_t>(nx + 2 * h) * (ny + 2 * h);
  for (int k = 0; k < nz; ++k) {
    std::copy(u_layer.begin(), u_layer.end(), m.u_m_s.begin() + k * u_layer.size());
    std::copy(v_layer.begin(), v_layer.end(), m.v_m_s.begin() + k * v_layer.size());
    std::fill_n(m.rho_kg_m3.begin() + k * cells_h, cells_h,
                isothermal_density_kg_m3(grid_.levels().mid_m(k)));
  }
  return m;  // Kz stays zero: no vertical mixing in the idealised cases
}

}  // namespace kctm
