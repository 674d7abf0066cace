#include "meteo/wrf_meteo.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <memory>
#include <utility>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "kernels/boundary_layer.hpp"
#include "kernels/solar.hpp"
#include "meteo/thermo.hpp"

namespace kctm {

namespace {
using constants::kDegToRad;
using constants::kPi;
constexpr int kRainSamples = 5;       // sub-samples per kctm cell side for the precipitation
constexpr double kUstarMin = 0.01;    // u* floor for L, ra and Kz: WRF may write u* = 0 [m s-1]
constexpr double kCoverSlack = 1e-6;  // round-off allowed at the WRF grid's edge [cells]

/// Cone constant of a Lambert conformal projection (Snyder 1987, eq. 15-3; sin φ1 when φ1 = φ2).
double cone_constant(double lat1_deg, double lat2_deg) {
  const double p1 = lat1_deg * kDegToRad, p2 = lat2_deg * kDegToRad;
  if (std::abs(lat1_deg - lat2_deg) < 1e-10) return std::sin(p1);
  return std::log(std::cos(p1) / std::cos(p2)) /
         std::log(std::tan(kPi / 4 + p2 / 2) / std::tan(kPi / 4 + p1 / 2));
}

/// A longitude difference in [−180, 180) [deg].
double wrap_deg(double d) { return d - 360.0 * std::floor((d + 180.0) / 360.0); }

/// Bilinear interpolation on a window `row` points wide: lower-left point and weights.
struct Bilinear {
  std::size_t c, row;
  double wx, wy;
  double operator()(const double* f) const {
    return (1 - wy) * ((1 - wx) * f[c] + wx * f[c + 1]) +
           wy * ((1 - wx) * f[c + row] + wx * f[c + row + 1]);
  }
};

/// Weights at fractional index (fi, fj), 0 ≤ fi ≤ nx − 1 and 0 ≤ fj ≤ ny − 1, of an nx × ny grid,
/// its points read from the window whose first point is (i0, j0) and whose rows are `row` wide.
/// The weights are the whole grid's whatever the window.
Bilinear bilinear(double fi, double fj, int nx, int ny, int i0, int j0, int row) {
  const int i = std::min(static_cast<int>(fi), nx - 2), j = std::min(static_cast<int>(fj), ny - 2);
  return {static_cast<std::size_t>(j - j0) * row + (i - i0), static_cast<std::size_t>(row), fi - i,
          fj - j};
}

/// The stencil of a mass-point field at (fi, fj) of WRF grid `g`, read over window `w`.
Bilinear mass_stencil(double fi, double fj, const WrfGrid& g, const WrfWindow& w) {
  return bilinear(fi, fj, g.nx, g.ny, w.i0, w.j0, w.nx);
}

/// A column of `levels` values of a 3-D field (planes of `plane` points) at one horizontal point.
std::vector<double> column(const Bilinear& b, const std::vector<double>& field, int levels,
                           std::size_t plane) {
  std::vector<double> out(levels);
  for (int k = 0; k < levels; ++k) out[k] = b(field.data() + k * plane);
  return out;
}

/// Linear interpolation in height: f = (1 − w) f[k] + w f[k + 1].
struct Vertical {
  int k;
  double w;
  double operator()(const std::vector<double>& f) const {
    return w > 0 ? (1 - w) * f[k] + w * f[k + 1] : f[k];
  }
};

/// Weights of kctm's layer middles in a WRF column of increasing heights `z`; below the lowest
/// level the lowest value, above the top the top value.
std::vector<Vertical> vertical_weights(const std::vector<double>& z, const VerticalLevels& lev) {
  const int n = static_cast<int>(z.size());
  std::vector<Vertical> out(lev.nz());
  int k = 0;
  for (int l = 0; l < lev.nz(); ++l) {
    const double zt = lev.mid_m(l);
    if (zt <= z[0]) {
      out[l] = {0, 0.0};
    } else if (zt >= z[n - 1]) {
      out[l] = {n - 1, 0.0};
    } else {
      while (z[k + 1] < zt) ++k;
      out[l] = {k, (zt - z[k]) / (z[k + 1] - z[k])};
    }
  }
  return out;
}

std::vector<double> lerp(const std::vector<double>& a, const std::vector<double>& b, double w) {
  std::vector<double> out(a.size());
  for (std::size_t c = 0; c < a.size(); ++c) out[c] = (1 - w) * a[c] + w * b[c];
  return out;
}

std::vector<double> air_temperature(const WrfRecord& r) {
  std::vector<double> t_k(r.theta_k.size());
  for (std::size_t c = 0; c < t_k.size(); ++c) {
    t_k[c] = thermo::temperature_from_theta(r.theta_k[c], r.p_pa[c]);
  }
  return t_k;
}

/// Heights of the mass levels above ground, midway between w-levels (WRF's vertical staggering).
std::vector<double> mass_heights(const WrfRecord& r, std::size_t plane) {
  std::vector<double> z(r.theta_k.size());
  for (std::size_t c = 0; c < z.size(); ++c) {
    z[c] = 0.5 * (r.z_w_m[c] + r.z_w_m[c + plane]) - r.hgt_m[c % plane];
  }
  return z;
}

}  // namespace

double sundqvist_cloud_fraction(double rh) {
  constexpr double kRhCritical = 0.8;
  if (rh <= kRhCritical) return 0.0;
  return 1.0 - std::sqrt((1.0 - std::min(rh, 1.0)) / (1.0 - kRhCritical));
}

struct WrfMeteo::Fields {
  int nx, ny, nz;                                // WRF mass points
  std::vector<double> t_k, p_pa, qv, qc, z_agl;  // mass points (k, j, i)
  std::vector<double> u, v;                      // WRF-grid-relative, at their staggered points
  std::vector<double> t2, q2, psfc, u10, v10, pblh, ust, hfx, swdown;  // (j, i)
  std::vector<double> rain_mm_h;  // rate over the two records' interval (j, i)
  std::vector<int> land_use;      // (j, i)
};

WrfMeteo::WrfMeteo(std::vector<std::string> files, const GlobalGrid& grid, const Subdomain& sub,
                   KzFloor kz_floor, double roughness_m)
    : grid_(grid), sub_(sub), kz_floor_(std::move(kz_floor)), roughness_m_(roughness_m) {
  if (files.empty()) throw Error("meteo.wrf", "no WRF files given");
  if (!kz_floor_.fits(static_cast<std::size_t>(sub.nx) * sub.ny)) {
    throw Error("meteo.wrf", "the urban share covers another block than the meteorology's");
  }
  if (!(roughness_m > 0 && roughness_m < grid.levels().mid_m(0))) {
    throw Error("meteo.wrf", "roughness length " + std::to_string(roughness_m) + " m",
                "between 0 and the lowest layer's middle");
  }
  for (std::string& f : files) files_.emplace_back(std::move(f));
  const WrfGrid& g = files_.front().grid();
  for (std::size_t f = 0; f < files_.size(); ++f) {
    if (!(files_[f].grid() == g)) {
      throw Error(files_[f].path(), "grid differs from that of " + files_.front().path(),
                  "all files must come from one WRF domain");
    }
    for (std::size_t r = 0; r < files_[f].times().size(); ++r) {
      records_.push_back({files_[f].times()[r], f, r});
    }
  }
  std::stable_sort(records_.begin(), records_.end(),
                   [](const Record& a, const Record& b) { return a.time < b.time; });
  if (records_.size() < 2) {
    throw Error(files_.front().path(), "one record only", "need two to interpolate in time");
  }
  interval_s_ = static_cast<double>(records_[1].time - records_[0].time);
  for (std::size_t r = 1; r < records_.size(); ++r) {
    const Record &a = records_[r - 1], &b = records_[r];
    const std::string where =
        files_[a.file].path() + (a.file == b.file ? ":Times" : " and " + files_[b.file].path());
    if (a.time == b.time) throw Error(where, "both hold " + format_iso8601(a.time));
    if (static_cast<double>(b.time - a.time) != interval_s_) {
      throw Error(where,
                  "records " + format_iso8601(a.time) + " and " + format_iso8601(b.time) + " are " +
                      std::to_string(b.time - a.time) + " s apart",
                  "records must be evenly spaced, " +
                      std::to_string(records_[1].time - records_[0].time) + " s as the first two");
    }
  }

  // WRF's projection; its grid's origin is mass point (0, 0), checked against the far corner.
  const std::string& path = files_.front().path();
  std::unique_ptr<LambertConformal> wrf;
  try {
    wrf = std::make_unique<LambertConformal>(LambertParams{g.truelat1_deg, g.truelat2_deg,
                                                           g.moad_cen_lat_deg, g.stand_lon_deg,
                                                           constants::kWrfEarthRadius});
  } catch (const Error& e) {
    throw Error(path, "unusable TRUELAT1, TRUELAT2, STAND_LON or MOAD_CEN_LAT", e.what());
  }
  const std::vector<double>&lat = files_.front().xlat_deg(), &lon = files_.front().xlong_deg();
  const ProjXY o = wrf->forward({lon.front(), lat.front()});
  const ProjXY far = wrf->forward({lon.back(), lat.back()});
  const double miss =
      std::hypot(far.x_m - o.x_m - (g.nx - 1) * g.dx_m, far.y_m - o.y_m - (g.ny - 1) * g.dy_m);
  if (!(miss < 0.25 * std::min(g.dx_m, g.dy_m))) {
    throw Error(path + ":XLAT",
                "the last mass point lies " + std::to_string(miss) +
                    " m from where the projection attributes and DX, DY put it",
                "XLAT/XLONG and MAP_PROJ, TRUELAT1/2, STAND_LON, MOAD_CEN_LAT disagree");
  }

  // Grid-relative winds turn to earth-relative by −n_w (λ − λ0_w) and to kctm's grid by
  // +n_k (λ − λ0_k): the meridian convergence θ = n (λ − λ0) of a Lambert grid (Snyder 1987,
  // eq. 14-4).
  const LambertParams& kp = grid.projection().params();
  const double n_k = cone_constant(kp.lat_1_deg, kp.lat_2_deg);
  const double n_w = cone_constant(g.truelat1_deg, g.truelat2_deg);
  auto site_at = [&](double x, double y) {
    const LonLat ll = grid.projection().inverse({x, y});
    const ProjXY p = wrf->forward(ll);
    const double d =
        (n_k * wrap_deg(ll.lon_deg - kp.lon_0_deg) - n_w * wrap_deg(ll.lon_deg - g.stand_lon_deg)) *
        kDegToRad;
    return Site{(p.x_m - o.x_m) / g.dx_m, (p.y_m - o.y_m) / g.dy_m, std::cos(d), std::sin(d), ll};
  };
  auto covered = [&](Site& s) {
    const bool in = s.fi >= -kCoverSlack && s.fi <= g.nx - 1 + kCoverSlack &&
                    s.fj >= -kCoverSlack && s.fj <= g.ny - 1 + kCoverSlack;
    s.fi = std::clamp(s.fi, 0.0, g.nx - 1.0);
    s.fj = std::clamp(s.fj, 0.0, g.ny - 1.0);
    return in;
  };
  auto uncovered = [&](const std::string& what, const Site& s) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " (%.3f E, %.3f N)", s.ll.lon_deg, s.ll.lat_deg);
    return Error(path, "the WRF grid does not cover kctm " + what + buf,
                 "the WRF domain must contain the kctm grid");
  };

  // Cell centres over the haloed extent. A halo cell beyond the WRF grid (outside the kctm grid
  // too) takes the values of the nearest cell of the kctm grid.
  const int nxh = sub.nx_with_halo(), nyh = sub.ny_with_halo();
  for (int jh = 0; jh < nyh; ++jh) {
    for (int ih = 0; ih < nxh; ++ih) {
      int gi = sub.global_i(ih), gj = sub.global_j(jh);
      Site s = site_at(grid.x_center_m(gi), grid.y_center_m(gj));
      if (!covered(s)) {
        gi = std::clamp(gi, 0, grid.nx() - 1);
        gj = std::clamp(gj, 0, grid.ny() - 1);
        s = site_at(grid.x_center_m(gi), grid.y_center_m(gj));
        if (!covered(s)) {
          throw uncovered("cell (" + std::to_string(gi) + ", " + std::to_string(gj) + ")", s);
        }
      }
      centres_.push_back(s);
    }
  }
  for (int j = 0; j < sub.ny; ++j) {
    for (int i = 0; i <= sub.nx; ++i) {
      Site s = site_at(grid.x0_m() + (sub.i0 + i) * grid.dx_m(), grid.y_center_m(sub.j0 + j));
      if (!covered(s)) throw uncovered("x-face " + std::to_string(sub.i0 + i), s);
      u_faces_.push_back(s);
    }
  }
  for (int j = 0; j <= sub.ny; ++j) {
    for (int i = 0; i < sub.nx; ++i) {
      Site s = site_at(grid.x_center_m(sub.i0 + i), grid.y0_m() + (sub.j0 + j) * grid.dy_m());
      if (!covered(s)) throw uncovered("y-face " + std::to_string(sub.j0 + j), s);
      v_faces_.push_back(s);
    }
  }
  // Precipitation: the mean of the WRF cells under kRainSamples² points spread evenly over each
  // kctm cell, nearest WRF cell each. This approximates first-order conservative remapping (the
  // area-weighted mean of the overlapping WRF cells), the overlap areas being counted by samples.
  std::vector<std::array<int, 2>> rain_points;  // (i, j) on the WRF grid
  for (int j = 0; j < sub.ny; ++j) {
    for (int i = 0; i < sub.nx; ++i) {
      for (int sb = 0; sb < kRainSamples; ++sb) {
        for (int sa = 0; sa < kRainSamples; ++sa) {
          Site s = site_at(grid.x0_m() + (sub.i0 + i + (sa + 0.5) / kRainSamples) * grid.dx_m(),
                           grid.y0_m() + (sub.j0 + j + (sb + 0.5) / kRainSamples) * grid.dy_m());
          covered(s);  // a sample past the edge takes the edge cell
          rain_points.push_back(
              {static_cast<int>(std::lround(s.fi)), static_cast<int>(std::lround(s.fj))});
        }
      }
    }
  }

  // The window of WRF points the sites need: each bilinear stencil's lower-left point (at most
  // nx − 2), and up to two points past it (a staggered wind at fi + 0.5 and its neighbour).
  int lo_i = g.nx - 2, lo_j = g.ny - 2, hi_i = 0, hi_j = 0;
  auto cover = [&](int i, int j) {
    lo_i = std::min(lo_i, i), lo_j = std::min(lo_j, j);
    hi_i = std::max(hi_i, i), hi_j = std::max(hi_j, j);
  };
  for (const std::vector<Site>* sites : {&centres_, &u_faces_, &v_faces_}) {
    for (const Site& s : *sites) cover(static_cast<int>(s.fi), static_cast<int>(s.fj));
  }
  for (const std::array<int, 2>& p : rain_points) cover(p[0], p[1]);
  window_.i0 = std::max(lo_i, 0);
  window_.j0 = std::max(lo_j, 0);
  window_.nx = std::min(hi_i + 3, g.nx) - window_.i0;
  window_.ny = std::min(hi_j + 3, g.ny) - window_.j0;
  for (const std::array<int, 2>& p : rain_points) {
    rain_cells_.push_back(static_cast<std::size_t>(p[1] - window_.j0) * window_.nx +
                          (p[0] - window_.i0));
  }
}

WrfMeteo::Fields WrfMeteo::fields_between(const Record& r0, const Record& r1, double w) const {
  const WrfRecord a = files_[r0.file].read(r0.index, window_),
                  b = files_[r1.file].read(r1.index, window_);
  const std::size_t plane = static_cast<std::size_t>(window_.nx) * window_.ny;
  Fields f;
  f.nx = window_.nx, f.ny = window_.ny, f.nz = files_.front().grid().nz;
  // Air temperature rather than θ is interpolated, so that a field linear in space stays linear.
  f.t_k = lerp(air_temperature(a), air_temperature(b), w);
  f.p_pa = lerp(a.p_pa, b.p_pa, w);
  f.qv = lerp(a.qv_kg_kg, b.qv_kg_kg, w);
  f.qc = lerp(a.qc_kg_kg, b.qc_kg_kg, w);
  f.z_agl = lerp(mass_heights(a, plane), mass_heights(b, plane), w);
  f.u = lerp(a.u_m_s, b.u_m_s, w);
  f.v = lerp(a.v_m_s, b.v_m_s, w);
  f.t2 = lerp(a.t2_k, b.t2_k, w);
  f.q2 = lerp(a.q2_kg_kg, b.q2_kg_kg, w);
  f.psfc = lerp(a.psfc_pa, b.psfc_pa, w);
  f.u10 = lerp(a.u10_m_s, b.u10_m_s, w);
  f.v10 = lerp(a.v10_m_s, b.v10_m_s, w);
  f.pblh = lerp(a.pblh_m, b.pblh_m, w);
  f.ust = lerp(a.ustar_m_s, b.ustar_m_s, w);
  f.hfx = lerp(a.hfx_w_m2, b.hfx_w_m2, w);
  f.swdown = lerp(a.swdown_w_m2, b.swdown_w_m2, w);
  const double hours = static_cast<double>(r1.time - r0.time) / 3600.0;
  f.rain_mm_h.resize(plane);
  for (std::size_t c = 0; c < plane; ++c) {
    f.rain_mm_h[c] = (b.rain_mm[c] - a.rain_mm[c]) / hours;
    if (f.rain_mm_h[c] < 0) {
      throw Error(files_[r1.file].path() + ":RAINNC[" + std::to_string(r1.index) + "," +
                      std::to_string(window_.j0 + c / f.nx) + "," +
                      std::to_string(window_.i0 + c % f.nx) + "]",
                  "RAINC + RAINNC decreases since " + format_iso8601(r0.time),
                  "bucket resets (bucket_mm, I_RAINC, I_RAINNC) are not read");
    }
  }
  f.land_use = a.land_use;
  return f;
}

void WrfMeteo::fill_cells(const Fields& f, MeteoSnapshot& m) const {
  const VerticalLevels& lev = grid_.levels();
  const int nxh = sub_.nx_with_halo(), nyh = sub_.ny_with_halo(), h = sub_.halo;
  const std::size_t plane = static_cast<std::size_t>(f.nx) * f.ny;
  for (int jh = 0; jh < nyh; ++jh) {
    for (int ih = 0; ih < nxh; ++ih) {
      const Site& s = centres_[static_cast<std::size_t>(jh) * nxh + ih];
      const Bilinear b = mass_stencil(s.fi, s.fj, files_.front().grid(), window_);
      const std::vector<Vertical> vw = vertical_weights(column(b, f.z_agl, f.nz, plane), lev);
      const std::vector<double> t_k = column(b, f.t_k, f.nz, plane),
                                p = column(b, f.p_pa, f.nz, plane),
                                qv = column(b, f.qv, f.nz, plane),
                                qc = column(b, f.qc, f.nz, plane);
      const bool interior = jh >= h && jh < h + sub_.ny && ih >= h && ih < h + sub_.nx;
      for (int k = 0; k < lev.nz(); ++k) {
        const double tk = vw[k](t_k), pk = vw[k](p), qvk = vw[k](qv);
        m.rho_kg_m3[(static_cast<std::size_t>(k) * nyh + jh) * nxh + ih] =
            thermo::moist_air_density(pk, tk, qvk);
        if (!interior) continue;
        const std::size_t c = m.cell(k, jh - h, ih - h);
        m.temperature_k[c] = tk;
        m.pressure_pa[c] = pk;
        m.qv_kg_kg[c] = qvk;
        m.cloud_water_kg_kg[c] = vw[k](qc);
      }
    }
  }
}

void WrfMeteo::fill_winds(const Fields& f, MeteoSnapshot& m) const {
  const VerticalLevels& lev = grid_.levels();
  const std::size_t plane = static_cast<std::size_t>(f.nx) * f.ny;
  // kctm-grid-relative (u, v) in each kctm layer at a point: both WRF components from their own
  // staggered points, interpolated in height, then rotated.
  auto winds = [&](const Site& s) {
    const WrfGrid& g = files_.front().grid();
    const WrfWindow& w = window_;
    const Bilinear bm = mass_stencil(s.fi, s.fj, g, w);
    const Bilinear bu = bilinear(s.fi + 0.5, s.fj, g.nx + 1, g.ny, w.i0, w.j0, w.nx + 1);
    const Bilinear bv = bilinear(s.fi, s.fj + 0.5, g.nx, g.ny + 1, w.i0, w.j0, w.nx);
    const std::vector<Vertical> vw = vertical_weights(column(bm, f.z_agl, f.nz, plane), lev);
    const std::vector<double> u = column(bu, f.u, f.nz, plane + f.ny);
    const std::vector<double> v = column(bv, f.v, f.nz, plane + f.nx);
    std::vector<std::array<double, 2>> out(lev.nz());
    for (int k = 0; k < lev.nz(); ++k) {
      const double ug = vw[k](u), vg = vw[k](v);
      out[k] = {ug * s.cos_d - vg * s.sin_d, ug * s.sin_d + vg * s.cos_d};
    }
    return out;
  };
  const int nx = sub_.nx, ny = sub_.ny;
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i <= nx; ++i) {
      const auto w = winds(u_faces_[static_cast<std::size_t>(j) * (nx + 1) + i]);
      for (int k = 0; k < lev.nz(); ++k) {
        m.u_m_s[(static_cast<std::size_t>(k) * ny + j) * (nx + 1) + i] = w[k][0];
      }
    }
  }
  for (int j = 0; j <= ny; ++j) {
    for (int i = 0; i < nx; ++i) {
      const auto w = winds(v_faces_[static_cast<std::size_t>(j) * nx + i]);
      for (int k = 0; k < lev.nz(); ++k) {
        m.v_m_s[(static_cast<std::size_t>(k) * (ny + 1) + j) * nx + i] = w[k][1];
      }
    }
  }
}

void WrfMeteo::fill_surface(const Fields& f, UnixSeconds t, MeteoSnapshot& m) const {
  const VerticalLevels& lev = grid_.levels();
  const int nx = sub_.nx, ny = sub_.ny, h = sub_.halo, nxh = sub_.nx_with_halo();
  constexpr int kSamples = kRainSamples * kRainSamples;
  SurfaceFields& sf = m.surface;
  for (int j = 0; j < ny; ++j) {
    for (int i = 0; i < nx; ++i) {
      const Site& s = centres_[static_cast<std::size_t>(j + h) * nxh + i + h];
      const Bilinear b = mass_stencil(s.fi, s.fj, files_.front().grid(), window_);
      auto at = [&](const std::vector<double>& x) { return b(x.data()); };
      const std::size_t col = m.column(j, i);
      sf.t2_k[col] = at(f.t2);
      sf.q2_kg_kg[col] = at(f.q2) / (1 + at(f.q2));  // WRF's Q2 is a mixing ratio
      sf.psfc_pa[col] = at(f.psfc);
      const double u10 = at(f.u10), v10 = at(f.v10);
      sf.u10_m_s[col] = u10 * s.cos_d - v10 * s.sin_d;
      sf.v10_m_s[col] = u10 * s.sin_d + v10 * s.cos_d;
      double rain = 0;
      for (int q = 0; q < kSamples; ++q) rain += f.rain_mm_h[rain_cells_[col * kSamples + q]];
      sf.precip_mm_h[col] = rain / kSamples;
      double rh_max = 0;
      for (int k = 0; k < lev.nz(); ++k) {
        const std::size_t c = m.cell(k, j, i);
        const double q = m.qv_kg_kg[c] / (1 + m.qv_kg_kg[c]);
        rh_max =
            std::max(rh_max, thermo::relative_humidity(q, m.temperature_k[c], m.pressure_pa[c]));
      }
      sf.cloud_fraction[col] = sundqvist_cloud_fraction(rh_max);
      sf.swdown_w_m2[col] = at(f.swdown);
      sf.cos_zenith[col] = cos_solar_zenith(static_cast<double>(t), s.ll.lat_deg, s.ll.lon_deg);
      sf.sensible_heat_w_m2[col] = at(f.hfx);
      sf.ustar_m_s[col] = at(f.ust);
      sf.pblh_m[col] = at(f.pblh);
      // Surface layer from the lowest kctm layer's air: θv and the kinematic heat flux (sensible
      // only) give L, w* and the Holtslag–Boville Kz.
      const std::size_t c0 = m.cell(0, j, i);
      const double t1 = m.temperature_k[c0], p1 = m.pressure_pa[c0], qv1 = m.qv_kg_kg[c0];
      const double theta_v = t1 * std::pow(thermo::kP0 / p1, constants::kKappa) * (1 + 0.608 * qv1);
      const double heat = sf.sensible_heat_w_m2[col] /
                          (thermo::moist_air_density(p1, t1, qv1) * constants::kCpDryAir);
      const double ustar = std::max(sf.ustar_m_s[col], kUstarMin);
      const double l = bl::obukhov_length(ustar, theta_v, heat);
      sf.obukhov_m[col] = l;
      sf.ra_s_m[col] = bl::aerodynamic_resistance(lev.mid_m(0), roughness_m_, ustar, l);
      const double wstar = bl::convective_velocity(sf.pblh_m[col], theta_v, heat);
      const double floor = kz_floor_.at(static_cast<std::size_t>(j) * nx + i);
      for (int k = 1; k < lev.nz(); ++k) {
        const double kz =
            bl::kz_holtslag_boville(lev.interface_m(k), sf.pblh_m[col], ustar, l, wstar);
        m.kz_m2_s[(static_cast<std::size_t>(k) * ny + j) * nx + i] = std::max(kz, floor);
      }
      const std::size_t ni = static_cast<std::size_t>(std::lround(s.fi) - window_.i0);
      const std::size_t nj = static_cast<std::size_t>(std::lround(s.fj) - window_.j0);
      sf.land_use[col] = f.land_use[nj * f.nx + ni];
    }
  }
}

void WrfMeteo::require_period(UnixSeconds from, UnixSeconds to) const {
  const Record &first = records_.front(), &last = records_.back();
  if (from >= first.time && to <= last.time) return;  // evenly spaced records: no gaps
  const UnixSeconds missing = from < first.time ? from : to;
  const std::string where = files_[first.file].path() +
                            (first.file == last.file ? "" : " and " + files_[last.file].path());
  throw Error(where, "no WRF records around " + format_iso8601(missing),
              "the files cover " + format_iso8601(first.time) + " to " + format_iso8601(last.time));
}

MeteoSnapshot WrfMeteo::at(UnixSeconds t) const {
  require_period(t, t);
  std::size_t r = std::upper_bound(records_.begin(), records_.end(), t,
                                   [](UnixSeconds x, const Record& a) { return x < a.time; }) -
                  records_.begin() - 1;
  r = std::min(r, records_.size() - 2);
  const double w =
      static_cast<double>(t - records_[r].time) / (records_[r + 1].time - records_[r].time);
  const Fields f = fields_between(records_[r], records_[r + 1], w);
  MeteoSnapshot m = MeteoSnapshot::allocate(sub_.nx, sub_.ny, grid_.nz(), sub_.halo);
  fill_cells(f, m);
  fill_winds(f, m);
  fill_surface(f, t, m);
  return m;
}

}  // namespace kctm
