#include "meteo/climatology_meteo.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "kernels/boundary_layer.hpp"
#include "kernels/solar.hpp"
#include "meteo/thermo.hpp"

namespace kctm {

namespace {

using constants::kPi;
constexpr double kSolarConstant_w_m2 = 1361.0;  // Kopp & Lean 2011, GRL 38:L01706
// Ångström–Prescott: the shortwave reaching the ground is (a + b n/N) of the top of the
// atmosphere's for relative sunshine n/N, with FAO-56's a = 0.25 and b = 0.50 where no local
// calibration exists; a + b = 0.75 is the clear sky's share (Allen et al. 1998, FAO Irrigation and
// Drainage Paper 56, eqs. 35 and 37).
constexpr double kAngstromA = 0.25, kAngstromB = 0.50;
constexpr double kAlbedo = 0.18;            // farmland, forest and towns
constexpr double kSensibleFraction = 0.35;  // of net shortwave going into sensible heat
// Free-atmosphere lapse rate of potential temperature above the convective layer [K m-1]
// (3–6 K km-1 is typical; Batchvarova & Gryning 1991, Boundary-Layer Meteorol. 56:261).
constexpr double kThetaLapse_k_m = 0.005;
constexpr double kMinConvectiveHeight_m = 100.0;  // the morning layer before it has grown
constexpr double kEarthRotation_s = 7.2921e-5;
// Surface pressure at the ~100 m Hengyang station: about 1001 hPa in the mean with the East Asian
// winter high raising it ~8 hPa in January and the summer low lowering it in July (approximate;
// the normals table has no pressure).
constexpr double kMeanSurfacePressure_pa = 100100.0, kPressureAmplitude_pa = 800.0;
// Cloud liquid water of stratiform cloud: 0.05–0.5 g m-3 (Seinfeld & Pandis 2016, §17.1); this
// value times the cloud cover, between the boundary-layer top and 1.5 km above it.
constexpr double kCloudWater_kg_m3 = 0.3e-3, kCloudDepth_m = 1500.0;

double surface_pressure_pa(int day) {
  return kMeanSurfacePressure_pa + kPressureAmplitude_pa * std::cos(2 * kPi * (day - 15) / 365.0);
}

/// Shortwave at the ground under cloud cover `cloud`, which the weather generator defines as one
/// minus the relative sunshine: Ångström–Prescott with n/N = 1 − cloud, applied to each hour's
/// top-of-atmosphere flux.
double shortwave_w_m2(double cos_zenith, double cloud) {
  if (cos_zenith <= 0) return 0.0;
  return kSolarConstant_w_m2 * cos_zenith * (kAngstromA + kAngstromB * (1 - cloud));
}

/// Stable boundary-layer height h = 0.4 √(u* L / f) (Zilitinkevich 1972, Boundary-Layer
/// Meteorol. 3:141) [m], bounded to 50–1000 m.
double stable_height_m(double ustar, double l_m, double lat_deg) {
  const double f = 2 * kEarthRotation_s * std::sin(lat_deg * kPi / 180);
  return std::clamp(0.4 * std::sqrt(ustar * std::max(l_m, 1.0) / f), 50.0, 1000.0);
}

/// The wind the transport gets: a power law above 10 m with a stability-dependent exponent (0.15
/// unstable, 0.3 stable, 0.4 in stagnation; cf. Irwin 1979, Atmos. Environ. 13:191), at most 3 ×
/// the 10 m speed, turning clockwise with height through the boundary layer (Ekman veering: 10° by
/// day, 30° at night).
struct WindProfile {
  double speed_10m_m_s, from_deg, exponent, veer_deg, pbl_m;

  WindProfile(const HourlyWeather& w, bool daytime, double pbl_m)
      : speed_10m_m_s(w.wind_m_s),
        from_deg(w.wind_from_deg),
        exponent(daytime ? 0.15 : (w.day->stagnant ? 0.4 : 0.3)),
        veer_deg(daytime ? 10 : 30),
        pbl_m(pbl_m) {}

  /// (u, v) at height z [m s-1].
  void at(double z, double& u, double& v) const {
    const double speed =
        speed_10m_m_s * std::min(3.0, std::pow(std::max(z, 10.0) / 10.0, exponent));
    const double from = (from_deg + veer_deg * std::min(z, pbl_m) / pbl_m) * kPi / 180;
    u = -speed * std::sin(from);  // a wind from θ blows towards θ + 180°
    v = -speed * std::cos(from);
  }
};

}  // namespace

ClimatologyMeteo::ClimatologyMeteo(const ClimatologyMeteoConfig& config, const GlobalGrid& grid,
                                   const Subdomain& sub, std::vector<double> urban_fraction)
    : config_(config),
      grid_(grid),
      sub_(sub),
      weather_(config.normals_file.empty() ? hengyang_normals()
                                           : read_climate_normals(config.normals_file),
               grid.projection().params().lat_0_deg, grid.projection().params().lon_0_deg,
               config.seed),
      kz_floor_{config.kz_min_m2_s, config.kz_min_urban_m2_s, std::move(urban_fraction)} {
  for (int j = 0; j < sub.ny; ++j) {
    for (int i = 0; i < sub.nx; ++i) {
      const LonLat ll =
          grid.projection().inverse({grid.x_center_m(sub.i0 + i), grid.y_center_m(sub.j0 + j)});
      lat_deg_.push_back(ll.lat_deg);
      lon_deg_.push_back(ll.lon_deg);
    }
  }
  if (!kz_floor_.fits(lat_deg_.size())) {
    throw Error("meteo", "the urban share covers another block than the meteorology's");
  }
}

ClimatologyMeteo::Surface ClimatologyMeteo::surface_at(const HourlyWeather& w, UnixSeconds t,
                                                       double lat_deg, double lon_deg) const {
  const double mu = cos_solar_zenith(static_cast<double>(t), lat_deg, lon_deg);
  const double sw = shortwave_w_m2(mu, w.cloud_fraction);
  // Night: a downward flux, larger under clear skies; weak wind damps the turbulent exchange.
  const double night = -(5 + 25 * (1 - w.cloud_fraction)) * std::min(1.0, w.wind_m_s / 2);
  const double heat =
      mu > 0 ? std::max(night, kSensibleFraction * (1 - kAlbedo) * sw + night) : night;
  return {sw, heat, mu};
}

double ClimatologyMeteo::pbl_height_m(UnixSeconds t) const {
  const LambertParams& p = grid_.projection().params();
  const HourlyWeather w = weather_.at(t);
  int day;
  double solar_hour;
  typical_day_and_hour(t, weather_.lon_deg(), day, solar_hour);
  const double t2 = w.t2_c + thermo::kT0,
               rho = thermo::moist_air_density(surface_pressure_pa(day), t2, 0);
  const Surface now = surface_at(w, t, p.lat_0_deg, p.lon_0_deg);
  const bl::SurfaceLayer sl =
      bl::surface_layer(w.wind_m_s, 10.0, config_.roughness_m, now.heat_w_m2, rho, t2);
  if (now.heat_w_m2 <= 0) return stable_height_m(sl.ustar_m_s, sl.l_m, p.lat_0_deg);
  // Encroachment (Tennekes 1973, J. Atmos. Sci. 30:558, without entrainment): h² = 2 ∫ w'θ' dt / γ
  // since the heat flux turned upward this morning, in 10-minute steps.
  double heat_input = 0;
  const UnixSeconds since = t - static_cast<UnixSeconds>(w.solar_hour * 3600);
  for (UnixSeconds s = since; s < t; s += 600) {
    const Surface then = surface_at(weather_.at(s), s, p.lat_0_deg, p.lon_0_deg);
    heat_input += std::max(0.0, then.heat_w_m2) / (rho * constants::kCpDryAir) * 600;
  }
  const double top = grid_.levels().interface_m(grid_.nz()) * 0.8;
  return std::min(top,
                  std::max(kMinConvectiveHeight_m, std::sqrt(2 * heat_input / kThetaLapse_k_m)));
}

std::array<double, 2> ClimatologyMeteo::mixed_layer_wind(UnixSeconds t) const {
  const LambertParams& p = grid_.projection().params();
  const HourlyWeather w = weather_.at(t);
  const double h = pbl_height_m(t);
  const WindProfile wind(w, surface_at(w, t, p.lat_0_deg, p.lon_0_deg).heat_w_m2 > 0, h);
  const VerticalLevels& lev = grid_.levels();
  double sum_u = 0, sum_v = 0, depth = 0;
  for (int k = 0; k == 0 || (k < lev.nz() && lev.interface_m(k) < h); ++k) {
    double u, v;
    wind.at(lev.mid_m(k), u, v);
    const double dz = lev.interface_m(k + 1) - lev.interface_m(k);
    sum_u += u * dz;
    sum_v += v * dz;
    depth += dz;
  }
  return {sum_u / depth, sum_v / depth};
}

MeteoSnapshot ClimatologyMeteo::at(UnixSeconds t) const {
  const VerticalLevels& lev = grid_.levels();
  const int nz = lev.nz(), nx = sub_.nx, ny = sub_.ny;
  MeteoSnapshot m = MeteoSnapshot::allocate(nx, ny, nz, sub_.halo);
  const HourlyWeather w = weather_.at(t);
  const DailyWeather& day = *w.day;
  int day_index;
  double solar_hour;
  typical_day_and_hour(t, weather_.lon_deg(), day_index, solar_hour);

  const double ps = surface_pressure_pa(day_index), t2 = w.t2_c + thermo::kT0;
  const double q2 = thermo::specific_humidity(w.rh, t2, ps);
  const double h = pbl_height_m(t);
  const LambertParams& p = grid_.projection().params();
  const bool daytime = surface_at(w, t, p.lat_0_deg, p.lon_0_deg).heat_w_m2 > 0;

  // Vertical profiles: dry-adiabatic in the convective layer, a night-time inversion (stronger in
  // calm clear stagnation) in the stable layer, 6.5 K km-1 above; hydrostatic pressure; vapour
  // well mixed in the boundary layer and decaying with a 2.5 km scale above.
  const double inversion_k_m = (day.stagnant ? 0.010 : 0.004) * (1 - w.cloud_fraction);
  auto temperature_k = [&](double z) {
    const double in_bl = std::min(z, h), above = std::max(0.0, z - h);
    return t2 + (daytime ? -0.0098 : inversion_k_m) * in_bl - 0.0065 * above;
  };
  auto vapour = [&](double z) { return q2 * std::exp(-std::max(0.0, z - h) / 2500.0); };
  std::vector<double> p_mid(nz), t_mid(nz), q_mid(nz), rho_mid(nz);
  double p_below = ps, z_below = 0;
  for (int k = 0; k < nz; ++k) {
    const double z = lev.mid_m(k);
    const double tv = temperature_k(0.5 * (z + z_below)) * (1 + 0.608 * vapour(z));
    p_mid[k] = p_below * std::exp(-constants::kGravity * (z - z_below) / (constants::kRd * tv));
    t_mid[k] = temperature_k(z);
    q_mid[k] = vapour(z);
    rho_mid[k] = thermo::moist_air_density(p_mid[k], t_mid[k], q_mid[k]);
    p_below = p_mid[k];
    z_below = z;
  }

  const WindProfile wind(w, daytime, h);

  const std::size_t nxh = sub_.nx_with_halo(), nyh = sub_.ny_with_halo();
  for (int k = 0; k < nz; ++k) {
    double u, v;
    wind.at(lev.mid_m(k), u, v);
    std::fill_n(m.rho_kg_m3.begin() + k * nyh * nxh, nyh * nxh, rho_mid[k]);
    std::fill_n(m.u_m_s.begin() + static_cast<std::size_t>(k) * ny * (nx + 1), ny * (nx + 1), u);
    std::fill_n(m.v_m_s.begin() + static_cast<std::size_t>(k) * (ny + 1) * nx, (ny + 1) * nx, v);
    const double z = lev.mid_m(k);
    const bool cloudy =
        w.cloud_fraction > 0.5 && z > std::max(h, 500.0) && z < std::max(h, 500.0) + kCloudDepth_m;
    for (int j = 0; j < ny; ++j) {
      for (int i = 0; i < nx; ++i) {
        const std::size_t c = m.cell(k, j, i);
        m.temperature_k[c] = t_mid[k];
        m.pressure_pa[c] = p_mid[k];
        m.qv_kg_kg[c] = q_mid[k] / (1 - q_mid[k]);
        m.cloud_water_kg_kg[c] = cloudy ? kCloudWater_kg_m3 * w.cloud_fraction / rho_mid[k] : 0.0;
      }
    }
  }

  // Surface layer and Kz per column: Monin–Obukhov u* and L from the 10 m wind and the column's
  // heat flux, Kz from Holtslag & Boville (1993) with the column's floor (rural to urban).
  double u10, v10;
  wind.at(10.0, u10, v10);
  const double rho_s = thermo::moist_air_density(ps, t2, q2);
  const double theta_v = t2 * (1 + 0.608 * q2);
  SurfaceFields& s = m.surface;
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i) {
      const std::size_t c = m.column(j, i);
      const Surface sfc = surface_at(w, t, lat_deg_[c], lon_deg_[c]);
      const bl::SurfaceLayer sl =
          bl::surface_layer(w.wind_m_s, 10.0, config_.roughness_m, sfc.heat_w_m2, rho_s, theta_v);
      const double wstar =
          bl::convective_velocity(h, theta_v, sfc.heat_w_m2 / (rho_s * constants::kCpDryAir));
      const double floor = kz_floor_.at(c);
      for (int k = 1; k < nz; ++k) {
        const double kz =
            bl::kz_holtslag_boville(lev.interface_m(k), h, sl.ustar_m_s, sl.l_m, wstar);
        m.kz_m2_s[(static_cast<std::size_t>(k) * ny + j) * nx + i] = std::max(kz, floor);
      }
      s.t2_k[c] = t2;
      s.q2_kg_kg[c] = q2;
      s.psfc_pa[c] = ps;
      s.u10_m_s[c] = u10;
      s.v10_m_s[c] = v10;
      s.precip_mm_h[c] = w.precip_mm_h;
      s.cloud_fraction[c] = w.cloud_fraction;
      s.swdown_w_m2[c] = sfc.sw_w_m2;
      s.cos_zenith[c] = sfc.cos_zenith;
      s.sensible_heat_w_m2[c] = sfc.heat_w_m2;
      s.ustar_m_s[c] = sl.ustar_m_s;
      s.obukhov_m[c] = sl.l_m;
      s.pblh_m[c] = h;
      s.ra_s_m[c] =
          bl::aerodynamic_resistance(lev.mid_m(0), config_.roughness_m, sl.ustar_m_s, sl.l_m);
      s.land_use[c] = config_.land_use;
    }
  }
  return m;
}

}  // namespace kctm
