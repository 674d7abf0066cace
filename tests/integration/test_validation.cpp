// `kctm validate` end to end: a short run, observations made from its own values at two stations
// with a known bias, and the statistics, report files and limits that come back.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "analysis/standard_comparison.hpp"
#include "analysis/validation.hpp"
#include "config/config.hpp"
#include "io/station_extraction.hpp"
#include "run/driver.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

TEST(Validation, KnownBiasesComeBackFromARunAndItsObservations) {
  const std::string dir = test::temp_dir("validation");
  Config c;
  for (const std::string& s :
       std::vector<std::string>{"grid.dx_km=9", "time.hours=24", "chemistry.enabled=false",
                                "source_apportionment.enabled=false", "output.dir=" + dir + "/run",
                                "time.start=2019-01-10T00:00:00+08:00"}) {
    c.set(s);
  }
  run_simulation(read_run_config(c));
  const std::vector<analysis::Station> stations = {{"A", "city", 112.57, 26.89},
                                                   {"B", "Leiyang", 112.86, 26.42},
                                                   {"far", "Beijing", 116.4, 39.9}};
  const analysis::Observations model = model_at_stations(dir + "/run", stations);
  ASSERT_EQ(model.size(), 2u);  // Beijing is off the grid
  // Observations: PM2.5 at 1.25 × the model (NMB −0.2, MFB −2/9, r 1), O3 at the model + 10
  // ug m-3 (MB −10), one PM2.5 hour missing at B.
  const std::string obs_file = dir + "/obs.csv";
  {
    std::ofstream out(obs_file);
    out << "station,time,pollutant,value,unit\n";
    for (const auto& [station, by_pollutant] : model) {
      for (const auto& [t, v] : by_pollutant.at(analysis::Pollutant::kPm25)) {
        const bool missing =
            station == "B" && t == by_pollutant.at(analysis::Pollutant::kPm25).begin()->first;
        out << station << "," << format_iso8601(t, 8 * 3600) << ",PM2.5,"
            << (missing ? std::string() : std::to_string(1.25 * v)) << ",ug/m3\n";
      }
      for (const auto& [t, v] : by_pollutant.at(analysis::Pollutant::kO3)) {
        out << station << "," << format_iso8601(t, 8 * 3600) << ",O3," << std::to_string(v + 10.0)
            << ",ug/m3\n";
      }
    }
  }
  const analysis::Observations obs = analysis::read_long_csv(obs_file);
  const Validation v =
      validate(model, obs, {{"PM2.5", {0.1, NAN, NAN, NAN, NAN}}}, obs_file, "limits.yaml");
  auto row = [&](const std::string& pollutant, const std::string& station) {
    for (const MetricRow& r : v.rows) {
      if (r.pollutant == pollutant && r.station == station && r.month == "all") return r.stats;
    }
    ADD_FAILURE() << "no row " << pollutant << " " << station;
    return analysis::PairedStats{};
  };
  // to_string keeps 6 decimals: values of tens of ug m-3 round at 1e-6 relative or better.
  const analysis::PairedStats pm = row("PM2.5", "all"), o3 = row("O3", "all");
  EXPECT_EQ(pm.n, 2u * 24u - 1u);
  EXPECT_NEAR(pm.nmb, -0.2, 1e-6);
  EXPECT_NEAR(pm.mfb, -2.0 / 9.0, 1e-6);
  EXPECT_NEAR(pm.r, 1.0, 1e-6);
  EXPECT_NEAR(o3.mb, -10.0, 1e-5);
  EXPECT_NEAR(o3.rmse, 10.0, 1e-5);
  // O3's daily maximum 8-h means carry the same offset: one day at each of the two stations.
  const analysis::PairedStats mda8 = row("O3_MDA8", "all");
  EXPECT_EQ(mda8.n, 2u);
  EXPECT_NEAR(mda8.mb, -10.0, 1e-5);
  EXPECT_EQ(row("PM2.5", "B").n, 23u);
  ASSERT_EQ(v.crossed.size(), 1u);  // |NMB| 0.2 > 0.1
  EXPECT_NE(v.crossed[0].find("PM2.5"), std::string::npos);

  // The standards' statistics of the day: the city's PM2.5 mean a quarter above the model's
  // (B's missing hour moves it a little), O3's MDA8 10 ug m-3 above.
  const std::vector<StandardRow> standard = standard_comparison(model, obs, {1});
  ASSERT_EQ(standard.size(), 8u);
  EXPECT_NEAR(standard[0].observed / standard[0].model, 1.25, 0.02);
  EXPECT_NEAR(standard[4].observed - standard[4].model, 10.0, 1e-4);
  EXPECT_NEAR(standard[6].observed, standard[0].observed, 1e-9);  // January is the special period
  EXPECT_TRUE(std::isfinite(standard[7].model));                  // a good-day share
  EXPECT_TRUE(std::isnan(standard[2].observed));                  // no SO2 observed

  // Two sampled days with a gap (a sampled year): the observations of the gap, however
  // polluted, are not counted against the model's two days.
  analysis::Observations sampled = model, observed = obs;
  for (auto& [station, by_pollutant] : model) {
    for (auto& [p, series] : by_pollutant) {
      for (const auto& [t, value] : series) {
        sampled[station][p][t + 2 * 86400] = value;
        if (observed[station][p].count(t)) {
          observed[station][p][t + 2 * 86400] = observed[station][p][t];
        }
        observed[station][p][t + 86400] = 1000.0;  // the day between, not run
      }
    }
  }
  const std::vector<StandardRow> two_days = standard_comparison(sampled, observed, {1});
  EXPECT_NEAR(two_days[0].observed / two_days[0].model, 1.25, 0.02);
  EXPECT_EQ(two_days[0].observed_days, 2);

  write_validation(dir + "/report", v, model, obs, dir + "/run", obs_file, {1});
  for (const char* f : {"pairs.csv", "metrics.csv", "report.md"}) {
    EXPECT_GT(std::filesystem::file_size(dir + "/report/" + f), 100u) << f;
  }
  std::ifstream metrics(dir + "/report/metrics.csv");
  std::string header;
  std::getline(metrics, header);
  EXPECT_EQ(
      header,
      "pollutant,station,month,n,mean_obs,mean_model,mb,me,nmb,nme,rmse,r,ioa,mfb,mfe,rating");
}

}  // namespace
}  // namespace kctm
