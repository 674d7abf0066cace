#include "analysis/validation.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "analysis/hourly_series.hpp"
#include "analysis/standard_comparison.hpp"
#include "analysis/standard_metrics.hpp"
#include "base/error.hpp"
#include "base/text_file.hpp"
#include "emissions/yaml_input.hpp"

namespace kctm {

namespace fs = std::filesystem;
using analysis::Observations;
using analysis::Pollutant;

namespace {

const char* const kDaily = "PM2.5_24h";
const char* const kMda8 = "O3_MDA8";

struct Pair {
  std::string station, month;
  double model, observed;
};

/// The month (Beijing time) an hour ending at t belongs to.
std::string month_of(UnixSeconds hour_end) {
  const CivilDate d = local_date(hour_end - 1, kBeijingUtcOffsetS);
  return fmt::format("{:04d}-{:02d}", d.year, d.month);
}

double observed_at(const Observations& obs, const std::string& station, Pollutant p,
                   UnixSeconds t) {
  const auto s = obs.find(station);
  if (s == obs.end()) return NAN;
  const auto series = s->second.find(p);
  if (series == s->second.end()) return NAN;
  const auto v = series->second.find(t);
  return v == series->second.end() ? NAN : v->second;
}

/// Every model hour at every station, with its observation (NaN where there is none).
std::vector<Pair> hourly_pairs(const Observations& model, const Observations& obs, Pollutant p) {
  std::vector<Pair> pairs;
  for (const auto& [station, by_pollutant] : model) {
    const auto series = by_pollutant.find(p);
    if (series == by_pollutant.end()) continue;
    for (const auto& [t, m] : series->second) {
      pairs.push_back({station, month_of(t), m, observed_at(obs, station, p, t)});
    }
  }
  return pairs;
}

/// A daily statistic of HJ 663-2013 of model and observed pollutant `p`, per station: PM2.5's
/// 24-h means (at least 20 hours) or O3's MDA8 (at least 14 valid 8-h means).
template <class DailyStatistic>
std::vector<Pair> daily_pairs(const Observations& model, const Observations& obs, Pollutant p,
                              DailyStatistic daily) {
  std::vector<Pair> pairs;
  for (const auto& [station, by_pollutant] : model) {
    const auto m = by_pollutant.find(p);
    if (m == by_pollutant.end() || m->second.empty()) continue;
    const UnixSeconds first = m->second.begin()->first, last = m->second.rbegin()->first;
    analysis::HourlyValues observed;
    const auto s = obs.find(station);
    if (s != obs.end() && s->second.count(p)) observed = s->second.at(p);
    const auto md = daily(analysis::make_hourly_series(m->second, first, last));
    const auto od = daily(analysis::make_hourly_series(observed, first, last));
    for (std::size_t d = 0; d < md.size() && d < od.size(); ++d) {
      pairs.push_back({station, fmt::format("{:04d}-{:02d}", md[d].date.year, md[d].date.month),
                       md[d].value, od[d].value});
    }
  }
  return pairs;
}

/// The index in kTimesOfDay of an hour ending at t.
std::size_t time_of_day(UnixSeconds hour_end) {
  const int hour = static_cast<int>((hour_end + kBeijingUtcOffsetS) / 3600 % 24);
  return hour >= 22 || hour <= 5 ? 0 : hour <= 11 ? 1 : hour <= 17 ? 2 : 3;
}

/// The mean of every value of `p` in `series` in `month` ("YYYY-MM", Beijing time) at the
/// model's stations: hourly values (only those of time of day `when`, when given), or with `mda8`
/// O3's valid daily maximum 8-h means; and their number.
std::pair<double, std::size_t> whole_month_mean(const Observations& model,
                                                const Observations& series, Pollutant p,
                                                const std::string& month, bool mda8,
                                                int when = -1) {
  const CivilDate first{std::stoi(month.substr(0, 4)), std::stoi(month.substr(5, 2)), 1};
  const CivilDate next = first.month == 12 ? CivilDate{first.year + 1, 1, 1}
                                           : CivilDate{first.year, first.month + 1, 1};
  const UnixSeconds begin = local_midnight(first, kBeijingUtcOffsetS),
                    end = local_midnight(next, kBeijingUtcOffsetS);
  double sum = 0;
  std::size_t n = 0;
  for (const auto& entry : model) {
    const auto s = series.find(entry.first);
    if (s == series.end() || !s->second.count(p)) continue;
    const analysis::HourlyValues& hours = s->second.at(p);
    auto add = [&](double value) {
      if (!std::isfinite(value)) return;
      sum += value;
      ++n;
    };
    if (mda8) {
      for (const analysis::DailyValue& d :
           analysis::daily_max_8h(analysis::make_hourly_series(hours, begin + 3600, end))) {
        if (d.date.month == first.month) add(d.value);
      }
    } else {
      for (auto v = hours.upper_bound(begin); v != hours.end() && v->first <= end; ++v) {
        if (when < 0 || time_of_day(v->first) == static_cast<std::size_t>(when)) add(v->second);
      }
    }
  }
  return {n > 0 ? sum / n : NAN, n};
}

analysis::PairedStats stats_of(const std::vector<Pair>& pairs, const std::string& station,
                               const std::string& month) {
  std::vector<double> m, o;
  for (const Pair& p : pairs) {
    if ((station == "all" || p.station == station) && (month == "all" || p.month == month)) {
      m.push_back(p.model);
      o.push_back(p.observed);
    }
  }
  return analysis::paired_stats(m, o);
}

/// The benchmark a quantity is rated against: O3 hourly and MDA8, PM2.5 daily (Emery et al.
/// 2017).
const analysis::Benchmark* benchmark_of(const std::string& quantity) {
  if (quantity == "O3" || quantity == kMda8) return &analysis::find_benchmark("emery2017-o3");
  if (quantity == kDaily) return &analysis::find_benchmark("emery2017-pm25");
  return nullptr;
}

std::string number(double v, const char* format = "{:.4g}") {
  return std::isfinite(v) ? fmt::format(fmt::runtime(format), v) : "";
}

/// A value for people to read: a dash where it is undefined.
std::string shown(double v, const char* format) {
  return std::isfinite(v) ? fmt::format(fmt::runtime(format), v) : "–";
}

std::string percent(double v) { return shown(100 * v, "{:+.1f}"); }

}  // namespace

ValidationLimits read_validation_limits(const std::string& path) {
  const YAML::Node root = load_yaml(read_text_file(path, "limits file"), path);
  ValidationLimits limits;
  for (const auto& entry : root) {
    const std::string quantity = entry.first.as<std::string>();
    Pollutant p;
    if (quantity != kDaily && quantity != kMda8 && !analysis::parse_pollutant(quantity, p)) {
      throw Error(path + ": " + quantity, "unknown pollutant",
                  "PM2.5, PM10, SO2, NO2, O3, CO, PM2.5_24h or O3_MDA8");
    }
    analysis::Thresholds t{NAN, NAN, NAN, NAN, NAN};
    const std::pair<const char*, double*> keys[] = {{"nmb_abs_max", &t.nmb_abs_max},
                                                    {"nme_max", &t.nme_max},
                                                    {"r_min", &t.r_min},
                                                    {"mfb_abs_max", &t.mfb_abs_max},
                                                    {"mfe_max", &t.mfe_max}};
    for (const auto& item : entry.second) {
      const std::string key = item.first.as<std::string>(),
                        where = path + ": " + quantity + "." + key;
      const auto k = std::find_if(std::begin(keys), std::end(keys),
                                  [&](const auto& kv) { return key == kv.first; });
      if (k == std::end(keys)) {
        throw Error(where, "unknown limit", "nmb_abs_max, nme_max, r_min, mfb_abs_max, mfe_max");
      }
      *k->second = yaml_number(item.second, where);
    }
    limits[quantity] = t;
  }
  return limits;
}

namespace {

/// The station codes of `o`, comma-separated.
std::string stations_of(const Observations& o) {
  std::string out;
  for (const auto& [station, series] : o) out += (out.empty() ? "" : ", ") + station;
  return out.empty() ? "none" : out;
}

/// Each limited statistic, with the limit's key.
using ThresholdMember = double analysis::Thresholds::*;
using StatisticMember = double analysis::PairedStats::*;
struct LimitedStatistic {
  const char* key;
  ThresholdMember limit;
  StatisticMember value;
};
constexpr LimitedStatistic kLimited[] = {
    {"nmb_abs_max", &analysis::Thresholds::nmb_abs_max, &analysis::PairedStats::nmb},
    {"nme_max", &analysis::Thresholds::nme_max, &analysis::PairedStats::nme},
    {"r_min", &analysis::Thresholds::r_min, &analysis::PairedStats::r},
    {"mfb_abs_max", &analysis::Thresholds::mfb_abs_max, &analysis::PairedStats::mfb},
    {"mfe_max", &analysis::Thresholds::mfe_max, &analysis::PairedStats::mfe}};

}  // namespace

Validation validate(const Observations& model, const Observations& obs,
                    const ValidationLimits& limits, const std::string& obs_file,
                    const std::string& limits_file) {
  std::vector<std::pair<std::string, std::vector<Pair>>> quantities;
  for (const Pollutant p : analysis::kAllPollutants) {
    quantities.push_back({analysis::pollutant_name(p), hourly_pairs(model, obs, p)});
  }
  quantities.push_back({kDaily, daily_pairs(model, obs, Pollutant::kPm25, [](const auto& h) {
                          return analysis::daily_means(h);
                        })});
  quantities.push_back({kMda8, daily_pairs(model, obs, Pollutant::kO3, [](const auto& h) {
                          return analysis::daily_max_8h(h);
                        })});
  Validation v;
  for (const auto& [quantity, pairs] : quantities) {
    if (pairs.empty()) continue;
    std::set<std::string> stations, months;
    for (const Pair& p : pairs) stations.insert(p.station), months.insert(p.month);
    std::vector<std::pair<std::string, std::string>> groups = {{"all", "all"}};
    for (const std::string& s : stations) groups.push_back({s, "all"});
    for (const std::string& m : months) groups.push_back({"all", m});
    for (const auto& [station, month] : groups) {
      MetricRow row{quantity, station, month, stats_of(pairs, station, month), ""};
      if (const analysis::Benchmark* b = benchmark_of(quantity); b && row.stats.n > 0) {
        row.rating = analysis::rating_name(analysis::rate(row.stats, *b));
      }
      v.rows.push_back(row);
    }
  }
  for (const MetricRow& r : v.rows) {
    if (r.station != "all" || r.month == "all" || r.pollutant == kDaily) continue;
    Pollutant p = Pollutant::kO3;
    const bool mda8 = r.pollutant == kMda8;
    if (!mda8) analysis::parse_pollutant(r.pollutant, p);
    const double model_mean = whole_month_mean(model, model, p, r.month, mda8).first;
    const auto [observed, n] = whole_month_mean(model, obs, p, r.month, mda8);
    v.months.push_back({r.pollutant, r.month, model_mean, r.stats.mean_obs, observed, n});
    if (mda8) continue;
    TimeOfDayMeans day{r.pollutant, r.month, {}, {}};
    for (std::size_t w = 0; w < kTimesOfDay.size(); ++w) {
      const int when = static_cast<int>(w);
      day.model[w] = whole_month_mean(model, model, p, r.month, false, when).first;
      day.observed_month[w] = whole_month_mean(model, obs, p, r.month, false, when).first;
    }
    v.times_of_day.push_back(day);
  }
  std::size_t paired = 0;
  for (const MetricRow& r : v.rows) {
    if (r.station == "all" && r.month == "all") paired += r.stats.n;
  }
  if (paired == 0) {
    throw Error(obs_file, "no observation pairs with the model",
                "observed stations " + stations_of(obs) + "; the model's " + stations_of(model) +
                    "; check --stations and the run's period");
  }
  for (const auto& entry : limits) {
    const std::string& quantity = entry.first;
    const analysis::Thresholds& limit = entry.second;
    const auto all = std::find_if(v.rows.begin(), v.rows.end(), [&](const MetricRow& r) {
      return r.pollutant == quantity && r.station == "all" && r.month == "all";
    });
    const analysis::PairedStats s = all == v.rows.end() ? analysis::PairedStats{} : all->stats;
    for (const LimitedStatistic& l : kLimited) {
      if (!std::isnan(limit.*l.limit) && !std::isfinite(s.*l.value)) {
        throw Error(limits_file + ": " + quantity + "." + l.key,
                    "the statistic cannot be computed from " + std::to_string(s.n) + " pairs",
                    "observations of " + quantity + " at the model's stations in its hours");
      }
    }
    if (!analysis::meets(s, limit)) {
      v.crossed.push_back(fmt::format("{}: NMB {}%, NME {}%, r {} beyond the limits", quantity,
                                      percent(s.nmb), shown(100 * s.nme, "{:.1f}"),
                                      shown(s.r, "{:.2f}")));
    }
  }
  return v;
}

std::string summary_line(const MetricRow& r) {
  return fmt::format("{:<10} N {:>5}  NMB {:>6} %  NME {:>5} %  r {:>5}  {}", r.pollutant,
                     r.stats.n, percent(r.stats.nmb), shown(100 * r.stats.nme, "{:.1f}"),
                     shown(r.stats.r, "{:.2f}"), r.rating);
}

void write_validation(const std::string& dir, const Validation& v, const Observations& model,
                      const Observations& obs, const std::string& run_dir,
                      const std::string& obs_file, const std::vector<int>& special_months) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(dir, "cannot create the report folder: " + ec.message());

  std::string pairs = "station,time_utc,pollutant,unit,model,observed\n";
  for (const Pollutant p : analysis::kAllPollutants) {
    for (const auto& [station, by_pollutant] : model) {
      const auto series = by_pollutant.find(p);
      if (series == by_pollutant.end()) continue;
      for (const auto& [t, m] : series->second) {
        pairs += fmt::format("{},{},{},{},{:.6g},{}\n", station, format_iso8601(t, 0),
                             analysis::pollutant_name(p), analysis::standard_unit(p), m,
                             number(observed_at(obs, station, p, t), "{:.6g}"));
      }
    }
  }
  write_text_file((fs::path(dir) / "pairs.csv").string(), pairs, "model-observation pairs");

  std::string metrics =
      "pollutant,station,month,n,mean_obs,mean_model,mb,me,nmb,nme,rmse,r,ioa,mfb,mfe,rating\n";
  for (const MetricRow& r : v.rows) {
    const analysis::PairedStats& s = r.stats;
    metrics += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", r.pollutant,
                           r.station, r.month, s.n, number(s.mean_obs), number(s.mean_model),
                           number(s.mb), number(s.me), number(s.nmb), number(s.nme), number(s.rmse),
                           number(s.r), number(s.ioa), number(s.mfb), number(s.mfe), r.rating);
  }
  write_text_file((fs::path(dir) / "metrics.csv").string(), metrics, "metrics");

  std::string md = fmt::format(
      "# kctm validation\n\nRun: `{}`  \nObservations: `{}`\n\nStatistics as in HJ 663-2013 "
      "practice and Emery et al. (2017): MB, ME and RMSE in the pollutant's unit (ug/m3; CO "
      "mg/m3), NMB, NME, MFB, MFE in %. PM2.5_24h: daily means of days with at least 20 "
      "observed hours; O3_MDA8: daily maximum 8-h means (HJ 663-2013); rated against Emery et "
      "al. (2017) as they were set: O3 hourly and MDA8, PM2.5 daily.\n\n",
      run_dir, obs_file);
  auto table = [&](const std::string& title, auto keep) {
    md += "## " + title +
          "\n\n| pollutant | station | month | N | obs | model | MB | NMB % | NME % | "
          "RMSE | r | IOA | MFB % | MFE % | rating "
          "|\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const MetricRow& r : v.rows) {
      if (!keep(r)) continue;
      const analysis::PairedStats& s = r.stats;
      md += fmt::format(
          "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |\n",
          r.pollutant, r.station, r.month, s.n, number(s.mean_obs, "{:.1f}"),
          number(s.mean_model, "{:.1f}"), number(s.mb, "{:.1f}"), percent(s.nmb), percent(s.nme),
          number(s.rmse, "{:.1f}"), number(s.r, "{:.2f}"), number(s.ioa, "{:.2f}"), percent(s.mfb),
          percent(s.mfe), r.rating);
    }
    md += "\n";
  };
  table("All stations and months",
        [](const MetricRow& r) { return r.station == "all" && r.month == "all"; });
  table("By station", [](const MetricRow& r) { return r.station != "all"; });
  table("By month", [](const MetricRow& r) { return r.month != "all"; });
  std::string months =
      "quantity,month,model,observed_same_hours,observed_month,observed_month_n,nmb_month\n";
  md +=
      "## Months against the whole observed month\n\nThe model's mean over its hours at the "
      "stations; the observed mean over the same hours, and over every hour of the month (O3_MDA8: "
      "every valid day). With climatological weather, a sampled day's weather is not that date's: "
      "its month is compared with the whole observed month.\n\n| quantity | month | model | "
      "observed, same hours | observed, whole month | N (whole month) | NMB against the whole "
      "month % |\n|---|---|---|---|---|---|---|\n";
  for (const MonthMeans& m : v.months) {
    const double nmb = m.model / m.observed_month - 1;
    months += fmt::format("{},{},{},{},{},{},{}\n", m.quantity, m.month, number(m.model),
                          number(m.observed_same_hours), number(m.observed_month),
                          m.observed_month_n, number(nmb));
    md += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", m.quantity, m.month,
                      number(m.model, "{:.1f}"), number(m.observed_same_hours, "{:.1f}"),
                      number(m.observed_month, "{:.1f}"), m.observed_month_n, percent(nmb));
  }
  md += "\n";
  write_text_file((fs::path(dir) / "months.csv").string(), months, "month means");
  std::string times = "quantity,month,hours,model,observed_month\n";
  md +=
      "## Times of day against the whole observed month\n\nHourly means by the Beijing hour at "
      "which an hour ends, model / observed (the whole month). Where the model's day and night "
      "part from the observed, so does its boundary layer's.\n\n| quantity | month";
  for (const char* when : kTimesOfDay) md += fmt::format(" | {}", when);
  md += " |\n|---|---|---|---|---|---|\n";
  for (const TimeOfDayMeans& d : v.times_of_day) {
    md += fmt::format("| {} | {}", d.quantity, d.month);
    for (std::size_t w = 0; w < kTimesOfDay.size(); ++w) {
      times += fmt::format("{},{},{},{},{}\n", d.quantity, d.month, kTimesOfDay[w],
                           number(d.model[w]), number(d.observed_month[w]));
      md += fmt::format(" | {} / {}", number(d.model[w], "{:.1f}"),
                        number(d.observed_month[w], "{:.1f}"));
    }
    md += " |\n";
  }
  md += "\n";
  write_text_file((fs::path(dir) / "times_of_day.csv").string(), times, "times of day");
  md +=
      "## The standards' statistics (city values, GB 3095-2012 / HJ 663-2013 / HJ 633-2012)\n\n"
      "Over the run's days, each a city value (the mean of the stations'); the special-control "
      "period is months " +
      fmt::format("{}", fmt::join(special_months, ", ")) +
      ". Periods shorter than a year do not meet the annual completeness rule: compare, do not "
      "certify.\n\n| statistic | unit | observed | model | observed days |\n"
      "|---|---|---|---|---|\n";
  for (const StandardRow& r : standard_comparison(model, obs, special_months)) {
    md += fmt::format("| {} | {} | {} | {} | {} |\n", r.metric, r.unit,
                      number(r.observed, "{:.1f}"), number(r.model, "{:.1f}"), r.observed_days);
  }
  md += "\n## Limits\n\n";
  md += v.crossed.empty() ? "No configured limit crossed.\n" : "";
  for (const std::string& c : v.crossed) md += "- **crossed**: " + c + "\n";
  md +=
      "\n## Plots\n\n`python3 scripts/plot_validation.py` on this folder draws, per pollutant, "
      "the city-mean time series, the scatter and the diurnal cycle:\n\n";
  for (const Pollutant p : analysis::kAllPollutants) {
    std::string name = analysis::pollutant_name(p);
    name.erase(std::remove(name.begin(), name.end(), '.'), name.end());
    md += fmt::format(
        "![{0} time series](timeseries_{0}.png) ![{0} scatter](scatter_{0}.png) "
        "![{0} diurnal cycle](diurnal_{0}.png)\n\n",
        name);
  }
  write_text_file((fs::path(dir) / "report.md").string(), md, "validation report");
}

}  // namespace kctm
