// The climatological meteorology over the domain: a whole year without a NaN or an unphysical
// value, and boundary-layer diagnostics that behave as day and night should.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>

#include "block_cut.hpp"
#include "config/config.hpp"
#include "config/run_config.hpp"
#include "grids/global_grid.hpp"
#include "grids/subdomain.hpp"
#include "meteo/climate_summary.hpp"
#include "meteo/climatology_meteo.hpp"
#include "meteo/sample_days.hpp"
#include "meteo/spinup_days.hpp"

namespace kctm {
namespace {

struct GridSetup {
  RunConfig config;
  GlobalGrid grid;
  Subdomain sub;
  explicit GridSetup(int dx_km)
      : config(make(dx_km)),
        grid(GlobalGrid::from_spec(config.domain)),
        sub(whole_domain(grid, 3)) {}
  static RunConfig make(int dx_km) {
    Config c;
    c.set("grid.dx_km=" + std::to_string(dx_km));
    return read_run_config(c);
  }
};

bool all_finite(const std::vector<double>& v) {
  for (double x : v) {
    if (!std::isfinite(x)) return false;
  }
  return true;
}

TEST(ClimatologyMeteo, WholeYearHasNoNaNAndStaysPhysical) {
  const GridSetup s(27);
  const ClimatologyMeteo met(s.config.climatology, s.grid, s.sub);
  const UnixSeconds start = 1546300800;  // 2019-01-01T00:00Z
  double pbl_max = 0, kz_max = 0, rho_min = 1e9, precip_total = 0;
  int hours = 0;
  for (UnixSeconds t = start + 1800; t < start + 365 * 86400; t += 3600, ++hours) {
    const MeteoSnapshot m = met.at(t);
    const SurfaceFields& f = m.surface;
    for (const std::vector<double>* v : {&m.rho_kg_m3,      &m.u_m_s,
                                         &m.v_m_s,          &m.kz_m2_s,
                                         &m.temperature_k,  &m.pressure_pa,
                                         &m.qv_kg_kg,       &m.cloud_water_kg_kg,
                                         &f.t2_k,           &f.q2_kg_kg,
                                         &f.psfc_pa,        &f.u10_m_s,
                                         &f.v10_m_s,        &f.precip_mm_h,
                                         &f.cloud_fraction, &f.swdown_w_m2,
                                         &f.cos_zenith,     &f.sensible_heat_w_m2,
                                         &f.ustar_m_s,      &f.obukhov_m,
                                         &f.pblh_m,         &f.ra_s_m}) {
      ASSERT_TRUE(all_finite(*v)) << "hour " << hours;
    }
    for (int k = 0; k < m.nz; ++k) {
      const double rho = m.rho_kg_m3[(k * s.sub.ny_with_halo() + 3) * s.sub.nx_with_halo() + 3];
      ASSERT_GT(rho, 0.3);
      ASSERT_LT(rho, 1.4);
      if (k > 0) {
        ASSERT_LT(rho,
                  m.rho_kg_m3[((k - 1) * s.sub.ny_with_halo() + 3) * s.sub.nx_with_halo() + 3]);
      }
      rho_min = std::min(rho_min, rho);
    }
    for (std::size_t c = 0; c < f.t2_k.size(); ++c) {
      ASSERT_GT(f.ustar_m_s[c], 0);
      ASSERT_GT(f.ra_s_m[c], 0);
      ASSERT_GE(f.cloud_fraction[c], 0);
      ASSERT_LE(f.cloud_fraction[c], 1);
      ASSERT_GE(f.precip_mm_h[c], 0);
      ASSERT_GE(f.land_use[c], 1);
      ASSERT_LE(f.land_use[c], 24);
      ASSERT_GT(f.pblh_m[c], 0);
      pbl_max = std::max(pbl_max, f.pblh_m[c]);
    }
    for (double kz : m.kz_m2_s) kz_max = std::max(kz_max, kz);
    precip_total += f.precip_mm_h[0];
  }
  std::printf(
      "%d hours: highest boundary layer %.0f m, largest Kz %.0f m2/s, least density %.3f "
      "kg/m3, precipitation %.1f mm\n",
      hours, pbl_max, kz_max, rho_min, precip_total);
  EXPECT_EQ(hours, 8760);
  EXPECT_NEAR(precip_total, 1319.8, 1.0);  // the annual normal (hourly rates, one hour apart)
  EXPECT_GT(pbl_max, 1000);
  EXPECT_LT(kz_max, 1000);
}

TEST(ClimatologyMeteo, DayAndNightBoundaryLayers) {
  const GridSetup s(27);
  const ClimatologyMeteo met(s.config.climatology, s.grid, s.sub);
  // 2019-07-20: 14:00 and 02:00 Beijing time at the domain's centre.
  const UnixSeconds afternoon = 1563602400, night = 1563559200;
  const MeteoSnapshot day = met.at(afternoon), dark = met.at(night);
  const std::size_t c = day.column(s.sub.ny / 2, s.sub.nx / 2);
  EXPECT_GT(day.surface.sensible_heat_w_m2[c], 50);
  EXPECT_LT(day.surface.obukhov_m[c], 0);  // unstable
  EXPECT_LT(dark.surface.sensible_heat_w_m2[c], 0);
  EXPECT_GT(dark.surface.obukhov_m[c], 0);  // stable
  EXPECT_GT(day.surface.pblh_m[c], 3 * dark.surface.pblh_m[c]);
  EXPECT_GT(day.surface.swdown_w_m2[c], 200);
  EXPECT_EQ(dark.surface.swdown_w_m2[c], 0);
  // Kz in the middle of the day's mixed layer far above the night's.
  const int k = s.grid.levels().layer_of_height(0.4 * day.surface.pblh_m[c]);
  const std::size_t kc =
      (static_cast<std::size_t>(k) * s.sub.ny + s.sub.ny / 2) * s.sub.nx + s.sub.nx / 2;
  EXPECT_GT(day.kz_m2_s[kc], 10 * dark.kz_m2_s[kc]);
}

// The month's shortwave at the ground is what the Ångström–Prescott relation with FAO-56's
// coefficients (Allen et al. 1998, eq. 35: a = 0.25, b = 0.50) gives for the normals' sunshine,
// since the weather generator's cloud cover is one minus the relative sunshine. January's 62 h
// of sunshine in about 330 h of daylight let through 35 % of the top of the atmosphere's flux.
TEST(ClimatologyMeteo, GroundShortwaveFollowsTheMonthsSunshine) {
  const GridSetup s(27);
  const ClimatologyMeteo met(s.config.climatology, s.grid, s.sub);
  const std::size_t c = (s.sub.ny / 2) * s.sub.nx + s.sub.nx / 2;
  const WeatherGenerator& weather = met.weather();
  UnixSeconds month_start = 1546300800 - 8 * 3600;  // 2019-01-01T00:00 Beijing time
  int first_day = 0;
  for (int month = 1; month <= 12; ++month) {
    const int days = kDaysInTypicalMonth[month - 1];
    double ground = 0, top = 0, day_length_h = 0;
    for (int h = 0; h < 24 * days; ++h) {
      const MeteoSnapshot m = met.at(month_start + h * 3600 + 1800);
      ground += m.surface.swdown_w_m2[c];
      top += 1361.0 * std::max(0.0, m.surface.cos_zenith[c]);
    }
    for (int d = first_day; d < first_day + days; ++d) day_length_h += weather.day_length_h(d);
    const double relative_sunshine = weather.normals().months[month - 1].sunshine_h / day_length_h;
    EXPECT_NEAR(ground / top, 0.25 + 0.50 * relative_sunshine, 0.02) << "month " << month;
    month_start += days * 86400;
    first_day += days;
  }
}

// The typical year's seasons as China's radiosonde climatology has them (Guo et al. 2016, ACP
// 16:13309): afternoon boundary layers deeper in spring and summer than in autumn and winter; the
// winter's lower layers and its stagnation make a constant emission's box-model concentration
// higher in winter than in summer; the month's rain is the normal's.
TEST(ClimatologyMeteo, SeasonsAsTheRadiosondeClimatology) {
  const GridSetup s(27);
  const ClimatologyMeteo met(s.config.climatology, s.grid, s.sub);
  const std::array<MonthClimate, 12> m = climate_by_month(met);
  auto mean = [&](std::initializer_list<int> months, double MonthClimate::*x) {
    double sum = 0;
    for (int month : months) sum += m[month - 1].*x;
    return sum / static_cast<double>(months.size());
  };
  const double summer_afternoon = mean({6, 7, 8}, &MonthClimate::pbl_afternoon_m);
  const double winter_afternoon = mean({12, 1, 2}, &MonthClimate::pbl_afternoon_m);
  EXPECT_GT(summer_afternoon, 1.2 * winter_afternoon);
  EXPECT_GT(mean({3, 4, 5}, &MonthClimate::pbl_afternoon_m), winter_afternoon);
  // Afternoon layers of a few hundred metres to ~1.5 km, as the soundings over eastern China.
  for (const MonthClimate& c : m) {
    EXPECT_GT(c.pbl_afternoon_m, 400);
    EXPECT_LT(c.pbl_afternoon_m, 2000);
  }
  EXPECT_GT(mean({12, 1, 2}, &MonthClimate::dilution_s_m2),
            1.15 * mean({6, 7, 8}, &MonthClimate::dilution_s_m2));
  for (int month = 1; month <= 12; ++month) {
    EXPECT_NEAR(m[month - 1].rain_mm, met.weather().normals().months[month - 1].precip_mm, 1.0)
        << "month " << month;
    if (month >= 4 && month <= 9) EXPECT_EQ(m[month - 1].stagnant_days, 0) << "month " << month;
  }
  EXPECT_GT(m[0].stagnant_days + m[11].stagnant_days, 5) << "winter stagnation episodes";
}

TEST(ClimatologyMeteo, SampledDaysCarryTheMonthsRain) {
  // The typical year's own months: three days each, rain days in the month's proportion (the
  // default year's June has rain on the 5th, 15th and 25th, half its days dry).
  const GridSetup s(27);
  const ClimatologyMeteo met(s.config.climatology, s.grid, s.sub);
  for (int month = 1; month <= 12; ++month) {
    const std::vector<DayWeather> days = weather_of_days(met, month);
    int rain_days = 0;
    for (DayWeather d : days) rain_days += d == DayWeather::kRain;
    int rain_sampled = 0;
    for (int d : stratified_days(days, 3, 28)) rain_sampled += days[d - 1] == DayWeather::kRain;
    EXPECT_LT(std::abs(rain_sampled - 3.0 * rain_days / days.size()), 1.0) << "month " << month;
  }
}

TEST(ClimatologyMeteo, StagnantAirNeedsALongerSpinUp) {
  // The boundary layer's wind lies between the 10 m wind and the profile's cap of three times
  // it. A run starting after a stagnant day needs more spin-up (a day more on average) for its air
  // to have come in through the boundary than one starting after a dry day with the month's wind.
  const GridSetup s(27);
  const ClimatologyMeteo met(s.config.climatology, s.grid, s.sub);
  const double half_x = 0.5 * s.grid.nx() * s.grid.dx_m(),
               half_y = 0.5 * s.grid.ny() * s.grid.dy_m();
  double after_stagnant = 0, after_dry = 0;
  int n_stagnant = 0, n_dry = 0;
  for (int month = 1; month <= 12; ++month) {
    const std::vector<DayWeather> days = weather_of_days(met, month);
    for (int d = 2; d <= static_cast<int>(days.size()); ++d) {
      const UnixSeconds start = local_midnight({2019, month, d}, kBeijingUtcOffsetS);
      const std::array<double, 2> uv = met.mixed_layer_wind(start - 1800);
      const double speed = std::hypot(uv[0], uv[1]),
                   speed_10m = met.weather().at(start - 1800).wind_m_s;
      EXPECT_GE(speed, speed_10m * (1 - 1e-12));
      EXPECT_LE(speed, 3 * speed_10m * (1 + 1e-12));
      const int spinup = spinup_days_to_clear(
          [&](UnixSeconds t) { return met.mixed_layer_wind(t); }, start, half_x, half_y, 0, 7);
      if (days[d - 2] == DayWeather::kStagnant) {
        after_stagnant += spinup;
        ++n_stagnant;
      } else if (days[d - 2] == DayWeather::kDry) {
        after_dry += spinup;
        ++n_dry;
      }
    }
  }
  ASSERT_GT(n_stagnant, 10);
  ASSERT_GT(n_dry, 10);
  EXPECT_GT(after_stagnant / n_stagnant, after_dry / n_dry + 1.0)
      << n_stagnant << " after stagnant days, " << n_dry << " after dry ones";
  EXPECT_LT(after_dry / n_dry, 1.5);  // a day of the month's wind clears the domain
}

TEST(ClimatologyMeteo, EachBlockIsTheWholeDomainsCutBitForBit) {
  // Each rank makes its own block's meteorology; with an urban share that differs from column to
  // column, at night (the floor decides Kz) and at noon.
  const GridSetup s(27);
  std::vector<double> urban;
  for (int j = 0; j < s.sub.ny; ++j) {
    for (int i = 0; i < s.sub.nx; ++i) urban.push_back(((3 * i + 7 * j) % 10) / 9.0);
  }
  const ClimatologyMeteo whole(s.config.climatology, s.grid, s.sub, urban);
  for (const UnixSeconds t : {s.config.start + 2 * 3600, s.config.start + 12 * 3600}) {
    const MeteoSnapshot all = whole.at(t);
    for (const Subdomain& b : block_decomposition(s.grid, 2, 2, s.sub.halo)) {
      SCOPED_TRACE("block at (" + std::to_string(b.i0) + ", " + std::to_string(b.j0) + ")");
      const ClimatologyMeteo mine(s.config.climatology, s.grid, b, block_part(urban, b));
      test::expect_block_of(mine.at(t), all, b);
    }
  }
}

}  // namespace
}  // namespace kctm
