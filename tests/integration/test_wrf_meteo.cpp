// WRF history files regridded onto the kctm grid: analytic fields written on a WRF grid with
// another Lambert projection come back exactly where bilinear, linear-in-height and linear-in-time
// interpolation are exact, winds turn from WRF's grid to kctm's, precipitation keeps its domain
// total, and bad files are refused with their name, the variable and the bad index. A model run
// driven by such files closes its tracer budget.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <netcdf>

#include "base/constants.hpp"
#include "base/error.hpp"
#include "block_cut.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"
#include "grids/subdomain.hpp"
#include "meteo/thermo.hpp"
#include "meteo/wrf_meteo.hpp"
#include "run/driver.hpp"
#include "test_support.hpp"

namespace kctm {

namespace {
using namespace netCDF;

// WRF writes its geopotential PH + PHB with its own g.
constexpr double kG = constants::kWrfGravity;

// The same Kz floor in every column.
const KzFloor kFlatFloor{0.5, 0.5, {}};

// kctm: the default projection, 8 × 7 columns of 27 km centred on its origin (112.41 E, 26.8 N).
GlobalGrid kctm_grid() {
  auto proj = std::make_shared<const LambertConformal>(
      LambertParams{25.0, 29.0, 26.8, 112.41, constants::kWrfEarthRadius});
  return GlobalGrid(proj, 8, 7, 27000.0, 27000.0, -108000.0, -94500.0,
                    VerticalLevels({0, 50, 150, 400, 1000, 2500, 6000}));
}

// A WRF domain on another projection (STAND_LON 110, TRUELAT 30/60), 9 km mass points centred on
// the kctm grid's centre. Analytic fields are functions of (x, y) on WRF's plane relative to that
// centre [m], height above ground z [m] and hours h since the first record.
struct WrfDomain {
  int nx = 40, ny = 36, nz = 8;
  double dx = 9000.0;
  LambertConformal proj{LambertParams{30.0, 60.0, 27.0, 110.0, constants::kWrfEarthRadius}};
  ProjXY centre = proj.forward({112.41, 26.8});
  std::vector<double> zw_agl{0, 20, 100, 300, 700, 1500, 3000, 5000, 8000};  // w-levels [m]

  // Plane coordinates relative to the centre of mass point (fi, fj) (fractional for staggers).
  double x(double fi) const { return (fi - 0.5 * (nx - 1)) * dx; }
  double y(double fj) const { return (fj - 0.5 * (ny - 1)) * dx; }
  // Where a lon/lat lies: plane coordinates relative to the centre.
  ProjXY rel(LonLat ll) const {
    const ProjXY p = proj.forward(ll);
    return {p.x_m - centre.x_m, p.y_m - centre.y_m};
  }
  LonLat lonlat(double x_rel, double y_rel) const {
    return proj.inverse({centre.x_m + x_rel, centre.y_m + y_rel});
  }
};

double terrain(double x, double y) { return 200.0 + 1e-3 * x - 5e-4 * y; }
double air_temperature(double x, double y, double z, double h) {
  return 290.0 + 1e-5 * x - 2e-5 * y - 6.5e-3 * z + 0.5 * h;
}
double pressure(double x, double y, double z, double h) {
  return 1.0e5 + 2e-3 * x - 1e-3 * y - 11.0 * z - 20.0 * h;
}
double vapour(double x, double z, double h) { return 0.010 + 1e-9 * x - 1.4e-6 * z + 1e-4 * h; }
double cloud_water(double y) { return 2e-5 + 1e-11 * y; }
double wind_speed(double h) { return 5.0 + 2.0 * h; }  // from the west, earth-relative [m s-1]
double rain_rate(double x) { return 2.0 + 1e-5 * x; }  // [mm h-1]
int land_use(int i, int j) { return 1 + i / 10 + 4 * (j / 12); }

/// Unit vector of the local east direction on a Lambert plane (the chord between λ ± δ on a
/// parallel, a circle centred on the cone's apex, is parallel to the tangent at λ).
ProjXY east(const LambertConformal& p, LonLat ll) {
  const ProjXY a = p.forward({ll.lon_deg - 0.01, ll.lat_deg});
  const ProjXY b = p.forward({ll.lon_deg + 0.01, ll.lat_deg});
  const double n = std::hypot(b.x_m - a.x_m, b.y_m - a.y_m);
  return {(b.x_m - a.x_m) / n, (b.y_m - a.y_m) / n};
}

/// What to break in a written file.
struct Damage {
  std::string drop;        // a variable left out
  bool u_on_mass = false;  // U on west_east instead of west_east_stag
  bool nan_in_t = false;   // T[0,3,10,nan_i] = NaN
  int nan_i = 12;
  int map_proj = 1;
  bool drop_land_use = false;
};

template <class F>
Damage damaged(F set) {
  Damage d;
  set(d);
  return d;
}

/// Writes a wrfout-like file with records at `hours` after 2019-01-01 00:00 UTC; fields in double
/// precision so that exact interpolation shows as round-off.
std::string write_wrfout(const std::string& path, const WrfDomain& d, const std::vector<int>& hours,
                         const Damage& damage = {}) {
  NcFile nc(path, NcFile::replace, NcFile::nc4);
  const std::size_t nt = hours.size(), nx = d.nx, ny = d.ny, nz = d.nz;
  nc.addDim("Time", nt);
  nc.addDim("DateStrLen", 19);
  nc.addDim("west_east", nx);
  nc.addDim("south_north", ny);
  nc.addDim("bottom_top", nz);
  nc.addDim("west_east_stag", nx + 1);
  nc.addDim("south_north_stag", ny + 1);
  nc.addDim("bottom_top_stag", nz + 1);
  nc.putAtt("MAP_PROJ", ncInt, damage.map_proj);
  const LonLat c = d.lonlat(0, 0);
  for (const auto& [name, value] :
       std::vector<std::pair<std::string, double>>{{"TRUELAT1", 30.0},
                                                   {"TRUELAT2", 60.0},
                                                   {"STAND_LON", 110.0},
                                                   {"MOAD_CEN_LAT", 27.0},
                                                   {"CEN_LAT", c.lat_deg},
                                                   {"CEN_LON", c.lon_deg},
                                                   {"DX", d.dx},
                                                   {"DY", d.dx}}) {
    nc.putAtt(name, ncFloat, value);
  }
  std::string times;
  for (int h : hours) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "2019-01-01_%02d:00:00", h);
    times += buf;
  }
  nc.addVar("Times", ncChar, {nc.getDim("Time"), nc.getDim("DateStrLen")}).putVar(times.data());

  // f(h, k, j, i) over (Time, dims...); dims of 3 names are (level, row, column), of 2 (row, col).
  using Fn = std::function<double(double, int, int, int)>;
  auto put = [&](const std::string& name, std::vector<std::string> dims, const Fn& f) {
    if (name == damage.drop) return;
    if (name == "U" && damage.u_on_mass) dims[2] = "west_east";
    if (dims.size() == 2) dims.insert(dims.begin(), "");
    const std::size_t n0 = dims[0].empty() ? 1 : nc.getDim(dims[0]).getSize();
    const std::size_t n1 = nc.getDim(dims[1]).getSize(), n2 = nc.getDim(dims[2]).getSize();
    std::vector<double> data;
    for (int h : hours) {
      for (std::size_t k = 0; k < n0; ++k) {
        for (std::size_t j = 0; j < n1; ++j) {
          for (std::size_t i = 0; i < n2; ++i) data.push_back(f(h, k, j, i));
        }
      }
    }
    std::vector<NcDim> nd{nc.getDim("Time")};
    for (const std::string& s : dims) {
      if (!s.empty()) nd.push_back(nc.getDim(s));
    }
    nc.addVar(name, ncDouble, nd).putVar(data.data());
  };
  const std::vector<std::string> mass{"bottom_top", "south_north", "west_east"};
  const std::vector<std::string> flat{"south_north", "west_east"};
  auto zm = [&](int k) { return 0.5 * (d.zw_agl[k] + d.zw_agl[k + 1]); };
  auto at_mass = [&](std::function<double(double, double, double, double)> g) {
    return [&d, g, zm](double h, int k, int j, int i) { return g(d.x(i), d.y(j), zm(k), h); };
  };
  // Grid-relative components of the earth-relative west wind at a point.
  auto wind = [&](double h, double x, double y, int component) {
    const ProjXY e = east(d.proj, d.lonlat(x, y));
    return wind_speed(h) * (component == 0 ? e.x_m : e.y_m);
  };

  put("XLAT", flat, [&](double, int, int j, int i) { return d.lonlat(d.x(i), d.y(j)).lat_deg; });
  put("XLONG", flat, [&](double, int, int j, int i) { return d.lonlat(d.x(i), d.y(j)).lon_deg; });
  put("U", {"bottom_top", "south_north", "west_east_stag"},
      [&](double h, int, int j, int i) { return wind(h, d.x(i - 0.5), d.y(j), 0); });
  put("V", {"bottom_top", "south_north_stag", "west_east"},
      [&](double h, int, int j, int i) { return wind(h, d.x(i), d.y(j - 0.5), 1); });
  put("T", mass, [&](double h, int k, int j, int i) {
    if (damage.nan_in_t && h == hours[0] && k == 3 && j == 10 && i == damage.nan_i) {
      return std::nan("");
    }
    const double x = d.x(i), y = d.y(j), z = zm(k), p = pressure(x, y, z, h);
    return air_temperature(x, y, z, h) * std::pow(thermo::kP0 / p, constants::kKappa) - 300.0;
  });
  put("PB", mass, [](double, int, int, int) { return 95000.0; });
  put("P", mass, at_mass([](double x, double y, double z, double h) {
        return pressure(x, y, z, h) - 95000.0;
      }));
  const std::vector<std::string> w{"bottom_top_stag", "south_north", "west_east"};
  put("PHB", w, [&](double, int k, int j, int i) {
    return 0.75 * kG * (terrain(d.x(i), d.y(j)) + d.zw_agl[k]);
  });
  put("PH", w, [&](double, int k, int j, int i) {
    return 0.25 * kG * (terrain(d.x(i), d.y(j)) + d.zw_agl[k]);
  });
  put("QVAPOR", mass,
      at_mass([](double x, double, double z, double h) { return vapour(x, z, h); }));
  put("QCLOUD", mass, at_mass([](double, double y, double, double) { return cloud_water(y); }));
  auto surface = [&](std::function<double(double, double, double)> g) {
    return [&d, g](double h, int, int j, int i) { return g(d.x(i), d.y(j), h); };
  };
  put("PBLH", flat, surface([](double, double, double h) { return 800.0 + 100.0 * h; }));
  put("UST", flat, surface([](double, double, double) { return 0.3; }));
  put("HFX", flat, surface([](double x, double, double) { return 50.0 + 1e-4 * x; }));
  // Accumulations since a model start 3 h before the first record, 30 % convective.
  put("RAINC", flat,
      surface([](double x, double, double h) { return 0.3 * rain_rate(x) * (h + 3); }));
  put("RAINNC", flat,
      surface([](double x, double, double h) { return 0.7 * rain_rate(x) * (h + 3); }));
  put("SWDOWN", flat, surface([](double, double, double) { return 400.0; }));
  put("T2", flat, surface([](double x, double, double h) { return 288.0 + 1e-5 * x + h; }));
  put("Q2", flat, surface([](double, double, double) { return 0.008; }));
  put("U10", flat, [&](double h, int, int j, int i) { return wind(h, d.x(i), d.y(j), 0); });
  put("V10", flat, [&](double h, int, int j, int i) { return wind(h, d.x(i), d.y(j), 1); });
  put("HGT", flat, surface([](double x, double y, double) { return terrain(x, y); }));
  put("PSFC", flat, surface([](double x, double y, double h) { return pressure(x, y, 0, h); }));
  if (!damage.drop_land_use) {
    put("LU_INDEX", flat, [](double, int, int j, int i) { return land_use(i, j); });
  }
  return path;
}

UnixSeconds utc(int hour, int minute = 0) {
  UnixSeconds t = 0;
  char buf[40];
  std::snprintf(buf, sizeof buf, "2019-01-01T%02d:%02d:00Z", hour, minute);
  EXPECT_TRUE(parse_iso8601(buf, t));
  return t;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

}  // namespace

TEST(WrfMeteo, AnalyticFieldsAreReproduced) {
  const std::string dir = test::temp_dir("wrf-analytic");
  const WrfDomain d;
  // Records 00 and 01 UTC in one file, 02 UTC in another, given out of order.
  const std::string a = write_wrfout(dir + "/wrfout_a", d, {0, 1});
  const std::string b = write_wrfout(dir + "/wrfout_b", d, {2});
  const GlobalGrid grid = kctm_grid();
  const Subdomain sub = whole_domain(grid, 2);
  const double kz_min = 0.5;
  const WrfMeteo meteo({b, a}, grid, sub, KzFloor{kz_min, kz_min, {}}, 0.1);
  EXPECT_EQ(meteo.update_interval_s(), 3600.0);
  const double h = 1.5;  // hours after the first record: linear in time between 01 and 02
  const MeteoSnapshot m = meteo.at(utc(1, 30));
  const VerticalLevels& lev = grid.levels();
  const int nz = lev.nz(), nxh = sub.nx_with_halo(), nyh = sub.ny_with_halo();

  // No NaN or infinity anywhere.
  for (const std::vector<double>* v : {&m.rho_kg_m3,
                                       &m.u_m_s,
                                       &m.v_m_s,
                                       &m.kz_m2_s,
                                       &m.temperature_k,
                                       &m.pressure_pa,
                                       &m.qv_kg_kg,
                                       &m.cloud_water_kg_kg,
                                       &m.surface.t2_k,
                                       &m.surface.q2_kg_kg,
                                       &m.surface.psfc_pa,
                                       &m.surface.u10_m_s,
                                       &m.surface.v10_m_s,
                                       &m.surface.precip_mm_h,
                                       &m.surface.cloud_fraction,
                                       &m.surface.swdown_w_m2,
                                       &m.surface.cos_zenith,
                                       &m.surface.sensible_heat_w_m2,
                                       &m.surface.ustar_m_s,
                                       &m.surface.obukhov_m,
                                       &m.surface.pblh_m,
                                       &m.surface.ra_s_m}) {
    for (double x : *v) ASSERT_TRUE(std::isfinite(x));
  }

  // State variables: linear in WRF's plane, height and time, so reproduced to round-off, halo
  // cells included (density over the haloed extent).
  double t_err = 0, p_err = 0, qv_err = 0, qc_err = 0, rho_err = 0;
  for (int jh = 0; jh < nyh; ++jh) {
    for (int ih = 0; ih < nxh; ++ih) {
      const LonLat ll = grid.projection().inverse(
          {grid.x_center_m(sub.global_i(ih)), grid.y_center_m(sub.global_j(jh))});
      const ProjXY p = d.rel(ll);
      for (int k = 0; k < nz; ++k) {
        const double z = lev.mid_m(k), tk = air_temperature(p.x_m, p.y_m, z, h);
        const double pk = pressure(p.x_m, p.y_m, z, h), qv = vapour(p.x_m, z, h);
        const double rho = m.rho_kg_m3[(static_cast<std::size_t>(k) * nyh + jh) * nxh + ih];
        rho_err = std::max(rho_err, std::abs(rho / thermo::moist_air_density(pk, tk, qv) - 1));
        const int j = jh - sub.halo, i = ih - sub.halo;
        if (j < 0 || j >= sub.ny || i < 0 || i >= sub.nx) continue;
        const std::size_t c = m.cell(k, j, i);
        t_err = std::max(t_err, std::abs(m.temperature_k[c] - tk));
        p_err = std::max(p_err, std::abs(m.pressure_pa[c] - pk));
        qv_err = std::max(qv_err, std::abs(m.qv_kg_kg[c] - qv));
        qc_err = std::max(qc_err, std::abs(m.cloud_water_kg_kg[c] - cloud_water(p.y_m)));
      }
    }
  }
  EXPECT_LT(t_err, 1e-9);  // [K]
  EXPECT_LT(p_err, 1e-7);  // [Pa]
  EXPECT_LT(qv_err, 1e-14);
  EXPECT_LT(qc_err, 1e-17);
  EXPECT_LT(rho_err, 1e-12);
  std::printf("max errors: T %.2e K, p %.2e Pa, qv %.2e, qc %.2e, rho %.2e (relative)\n", t_err,
              p_err, qv_err, qc_err, rho_err);

  // Winds: the earth-relative west wind, turned to kctm's grid, normal to each face.
  const double speed = wind_speed(h);
  double u_err = 0, v_err = 0;
  for (int k = 0; k < nz; ++k) {
    for (int j = 0; j < sub.ny; ++j) {
      for (int i = 0; i <= sub.nx; ++i) {
        const LonLat ll = grid.projection().inverse(
            {grid.x0_m() + (sub.i0 + i) * grid.dx_m(), grid.y_center_m(sub.j0 + j)});
        const double want = speed * east(grid.projection(), ll).x_m;
        const double got = m.u_m_s[(static_cast<std::size_t>(k) * sub.ny + j) * (sub.nx + 1) + i];
        u_err = std::max(u_err, std::abs(got - want) / speed);
      }
    }
    for (int j = 0; j <= sub.ny; ++j) {
      for (int i = 0; i < sub.nx; ++i) {
        const LonLat ll = grid.projection().inverse(
            {grid.x_center_m(sub.i0 + i), grid.y0_m() + (sub.j0 + j) * grid.dy_m()});
        const double want = speed * east(grid.projection(), ll).y_m;
        const double got = m.v_m_s[(static_cast<std::size_t>(k) * (sub.ny + 1) + j) * sub.nx + i];
        v_err = std::max(v_err, std::abs(got - want) / speed);
      }
    }
  }
  EXPECT_LT(u_err, 1e-6);
  EXPECT_LT(v_err, 1e-6);
  std::printf("max relative wind errors: u %.2e, v %.2e\n", u_err, v_err);

  // Surface: exact where linear, precipitation by its domain total, Kz bounded by its floor.
  const SurfaceFields& sf = m.surface;
  double sfc_err = 0, total = 0, want_total = 0, cell_err = 0;
  for (int j = 0; j < sub.ny; ++j) {
    for (int i = 0; i < sub.nx; ++i) {
      const std::size_t col = m.column(j, i);
      const double xc = grid.x_center_m(sub.i0 + i), yc = grid.y_center_m(sub.j0 + j);
      const LonLat ll = grid.projection().inverse({xc, yc});
      const ProjXY p = d.rel(ll);
      const ProjXY e = east(grid.projection(), ll);
      sfc_err = std::max({sfc_err, std::abs(sf.t2_k[col] - (288.0 + 1e-5 * p.x_m + h)),
                          std::abs(sf.psfc_pa[col] - pressure(p.x_m, p.y_m, 0, h)) * 1e-5,
                          std::abs(sf.pblh_m[col] - (800.0 + 100.0 * h)),
                          std::abs(sf.u10_m_s[col] - speed * e.x_m) / speed,
                          std::abs(sf.v10_m_s[col] - speed * e.y_m) / speed,
                          std::abs(sf.q2_kg_kg[col] - 0.008 / 1.008),
                          std::abs(sf.sensible_heat_w_m2[col] - (50.0 + 1e-4 * p.x_m)),
                          std::abs(sf.ustar_m_s[col] - 0.3), std::abs(sf.swdown_w_m2[col] - 400)});
      // The cell's mean rate from 16 × 16 samples of the analytic field, weighted by true area.
      double mean = 0;
      for (int sb = 0; sb < 16; ++sb) {
        for (int sa = 0; sa < 16; ++sa) {
          const LonLat s = grid.projection().inverse(
              {grid.x0_m() + (sub.i0 + i + (sa + 0.5) / 16) * grid.dx_m(),
               grid.y0_m() + (sub.j0 + j + (sb + 0.5) / 16) * grid.dy_m()});
          mean += rain_rate(d.rel(s).x_m) / 256;
        }
      }
      const double area = 1 / std::pow(grid.projection().scale_factor(ll.lat_deg), 2);
      total += sf.precip_mm_h[col] * area;
      want_total += mean * area;
      cell_err = std::max(cell_err, std::abs(sf.precip_mm_h[col] / mean - 1));
      EXPECT_GE(sf.cloud_fraction[col], 0.0);
      EXPECT_LE(sf.cloud_fraction[col], 1.0);
      EXPECT_LE(std::abs(sf.cos_zenith[col]), 1.0);
      EXPECT_GT(sf.ra_s_m[col], 0.0);
      // Nearest WRF mass point's land use.
      const int ni = static_cast<int>(std::lround(p.x_m / d.dx + 0.5 * (d.nx - 1)));
      const int nj = static_cast<int>(std::lround(p.y_m / d.dx + 0.5 * (d.ny - 1)));
      EXPECT_EQ(sf.land_use[col], land_use(ni, nj));
      EXPECT_EQ(m.kz_m2_s[col], 0.0);
      EXPECT_EQ(m.kz_m2_s[static_cast<std::size_t>(nz) * sub.ny * sub.nx + col], 0.0);
      for (int k = 1; k < nz; ++k) {
        EXPECT_GE(m.kz_m2_s[static_cast<std::size_t>(k) * sub.ny * sub.nx + col], kz_min);
      }
    }
  }
  EXPECT_LT(sfc_err, 1e-6);
  const double total_err = std::abs(total / want_total - 1);
  EXPECT_LT(total_err, 1e-3);
  EXPECT_LT(cell_err, 0.02);
  std::printf("surface max error %.2e; precipitation: domain total %.2e, cells %.2e (relative)\n",
              sfc_err, total_err, cell_err);
}

TEST(WrfMeteo, EachBlockIsTheWholeDomainsCutBitForBit) {
  const std::string dir = test::temp_dir("wrf-blocks");
  const WrfDomain d;
  const std::string f = write_wrfout(dir + "/wrfout", d, {0, 1});
  const GlobalGrid grid = kctm_grid();
  const Subdomain whole = whole_domain(grid, 2);
  const MeteoSnapshot all = WrfMeteo({f}, grid, whole, kFlatFloor, 0.1).at(utc(0, 30));
  for (const Subdomain& b : block_decomposition(grid, 2, 2, 2)) {
    SCOPED_TRACE("block at (" + std::to_string(b.i0) + ", " + std::to_string(b.j0) + ")");
    test::expect_block_of(WrfMeteo({f}, grid, b, kFlatFloor, 0.1).at(utc(0, 30)), all, b);
  }
}

TEST(WrfMeteo, HaloBeyondTheWrfGridTakesTheNearestCell) {
  const std::string dir = test::temp_dir("wrf-halo");
  WrfDomain d;
  d.nx = 28;  // 243 km: covers the 216 km wide kctm grid but not its 2-cell halo
  const std::string f =
      write_wrfout(dir + "/wrfout", d, {0, 1}, damaged([](Damage& x) { x.drop_land_use = true; }));
  const GlobalGrid grid = kctm_grid();
  const Subdomain sub = whole_domain(grid, 2);
  const MeteoSnapshot m = WrfMeteo({f}, grid, sub, kFlatFloor, 0.1).at(utc(1));
  const int nxh = sub.nx_with_halo(), nyh = sub.ny_with_halo(), j = 4;
  for (int k = 0; k < grid.nz(); ++k) {
    const std::size_t row = (static_cast<std::size_t>(k) * nyh + j) * nxh;
    EXPECT_EQ(m.rho_kg_m3[row + 0], m.rho_kg_m3[row + 2]);  // west halo ← first column
    EXPECT_EQ(m.rho_kg_m3[row + nxh - 1], m.rho_kg_m3[row + nxh - 3]);
  }
  for (int lu : m.surface.land_use) EXPECT_EQ(lu, WrfFile::kDefaultLandUse);

  d.nx = 20;  // 171 km: too narrow for the kctm grid itself
  const std::string narrow = write_wrfout(dir + "/wrfout_narrow", d, {0, 1});
  const std::string e = test::error_of([&] { WrfMeteo({narrow}, grid, sub, kFlatFloor, 0.1); });
  EXPECT_TRUE(contains(e, narrow) && contains(e, "does not cover")) << e;
}

TEST(WrfMeteo, BadFilesAreRefusedWithTheirName) {
  const std::string dir = test::temp_dir("wrf-bad");
  const WrfDomain d;
  const GlobalGrid grid = kctm_grid();
  const Subdomain sub = whole_domain(grid, 2);
  auto error = [&](const Damage& damage, UnixSeconds t = 0) {
    const std::string f = write_wrfout(dir + "/wrfout_bad", d, {0, 1}, damage);
    return std::make_pair(f, test::error_of([&] {
                            const WrfMeteo m({f}, grid, sub, kFlatFloor, 0.1);
                            m.at(t ? t : utc(0, 30));
                          }));
  };
  auto [f1, missing] = error(damaged([](Damage& x) { x.drop = "QVAPOR"; }));
  EXPECT_TRUE(contains(missing, f1) && contains(missing, "no variable 'QVAPOR'")) << missing;
  auto [f2, stagger] = error(damaged([](Damage& x) { x.u_on_mass = true; }));
  EXPECT_TRUE(contains(stagger, f2 + ":U") &&
              contains(stagger, "dimension 3 is west_east (40), expected west_east_stag (41)"))
      << stagger;
  auto [f3, nan] = error(damaged([](Damage& x) { x.nan_in_t = true; }));
  EXPECT_TRUE(contains(nan, f3 + ":T[0,3,10,12]") && contains(nan, "is NaN")) << nan;
  // The kctm grid with its halo needs WRF columns 2 to 38: a NaN in the last, 39, is never read.
  const std::string far_nan =
      write_wrfout(dir + "/wrfout_far_nan", d, {0, 1}, damaged([](Damage& x) {
                     x.nan_in_t = true;
                     x.nan_i = 39;
                   }));
  EXPECT_NO_THROW(WrfMeteo({far_nan}, grid, sub, kFlatFloor, 0.1).at(utc(0, 30)));
  auto [f4, proj] = error(damaged([](Damage& x) { x.map_proj = 3; }));
  EXPECT_TRUE(contains(proj, f4 + ":MAP_PROJ") && contains(proj, "Lambert")) << proj;
  auto [f5, late] = error({}, utc(2, 30));
  EXPECT_TRUE(contains(late, f5) && contains(late, "2019-01-01T02:30:00") &&
              contains(late, "2019-01-01T01:00:00"))
      << late;

  // The same time in two files.
  const std::string a = write_wrfout(dir + "/wrfout_a", d, {0, 1});
  const std::string b = write_wrfout(dir + "/wrfout_b", d, {1, 2});
  const std::string twice = test::error_of([&] { WrfMeteo({a, b}, grid, sub, kFlatFloor, 0.1); });
  EXPECT_TRUE(contains(twice, a) && contains(twice, b) && contains(twice, "both hold")) << twice;
}

TEST(WrfMeteo, SundqvistCloudFraction) {
  EXPECT_EQ(sundqvist_cloud_fraction(0.5), 0.0);
  EXPECT_EQ(sundqvist_cloud_fraction(0.8), 0.0);
  EXPECT_NEAR(sundqvist_cloud_fraction(0.9), 1 - std::sqrt(0.5), 1e-15);
  EXPECT_EQ(sundqvist_cloud_fraction(1.0), 1.0);
  EXPECT_EQ(sundqvist_cloud_fraction(1.2), 1.0);
}

}  // namespace kctm

namespace kctm {

namespace {
/// A run of `hours` from 2019-01-01 00 UTC at 27 km on WRF files in `dir` holding hours 0 to 3.
Config run_on_wrf_files(const std::string& dir, int hours) {
  const WrfDomain d;
  write_wrfout(dir + "/wrfout_d01_00", d, {0, 1});
  write_wrfout(dir + "/wrfout_d01_02", d, {2, 3});
  return test::config_with({"meteo.kind=wrf", "meteo.wrf.files=" + dir + "/wrfout_d01_*",
                            "grid.dx_km=27", "grid.buffer_km=0",
                            "grid.levels_m=[0, 50, 150, 400, 1000, 2500, 6000]",
                            "grid.mask.counties_file=\"\"", "time.start=2019-01-01T08:00:00+08:00",
                            "time.hours=" + std::to_string(hours), "output.dir=" + dir + "/out",
                            "source_apportionment.enabled=false"});
}
}  // namespace

TEST(WrfMeteo, AModelRunOnWrfFilesClosesItsBudget) {
  const Config c = run_on_wrf_files(test::temp_dir("wrf-run"), 3);
  const RunResult r = run_simulation(read_run_config(c));
  std::printf("3 h on WRF input: emitted %.4g kg, outflow %.4g kg, imbalance %.2e\n",
              r.tracer.emitted_kg, r.tracer.outflow_kg, r.tracer.relative_imbalance());
  EXPECT_GT(r.tracer.emitted_kg, 0.0);
  EXPECT_LT(std::abs(r.tracer.relative_imbalance()), 1e-10);
}

// WRF files that end before the run does are refused at set-up, not when the gap is reached.
TEST(WrfMeteo, FilesThatDoNotCoverTheRunAreRefusedBeforeTheFirstStep) {
  const std::string dir = test::temp_dir("wrf-short");
  Config c = run_on_wrf_files(dir, 5);
  c.set("output.write_initial=true");
  const std::string e = test::error_of([&] { run_simulation(read_run_config(c)); });
  EXPECT_TRUE(contains(e, "wrfout_d01_00 and ") &&
              contains(e, "no WRF records around 2019-01-01T05:00:00") &&
              contains(e, "the files cover 2019-01-01T00:00:00"))
      << e;
  for (const auto& entry : std::filesystem::directory_iterator(dir + "/out")) {
    EXPECT_EQ(entry.path().filename().string().rfind("kctm_", 0), std::string::npos)
        << "nothing was written, but " << entry.path();
  }
}

}  // namespace kctm
