#include "analysis/attainment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "base/csv.hpp"
#include "base/error.hpp"
#include "base/spelling.hpp"
#include "base/text_file.hpp"
#include "emissions/yaml_input.hpp"

namespace kctm {

namespace {

/// parent[key], a number in [lo, hi].
double number_at(const YAML::Node& parent, const std::string& key, const std::string& where,
                 double lo = 0, double hi = HUGE_VAL) {
  const double v = yaml_number(required(parent, key, where), where + "." + key);
  if (!(v >= lo && v <= hi)) {
    throw Error(
        where + "." + key, fmt::format("{} is out of range", v),
        hi == HUGE_VAL ? fmt::format("at least {}", lo) : fmt::format("from {} to {}", lo, hi));
  }
  return v;
}

/// A year written as a key (`2025:`); an error naming `where` and the key otherwise.
int year_of(const YAML::Node& key, const std::string& where) {
  const std::string& s = key.Scalar();
  int year = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), year);
  if (ec != std::errc() || end != s.data() + s.size() || year < 1900 || year > 2200) {
    throw Error(where + "." + s, "not a year", "e.g. 2025");
  }
  return year;
}

/// The 24-h PM2.5 concentration of AQI 100 (HJ 633-2012, Table 1) [ug m-3].
constexpr double kPm25GoodLimit = 75.0;

}  // namespace

Scenario read_scenario(const std::string& path, const std::vector<std::string>& sectors,
                       const std::vector<std::string>& pollutants) {
  const YAML::Node root = load_yaml(read_text_file(path, "scenario file"), path);
  Scenario s;
  const std::string b = path + ": base";
  const YAML::Node base = required(root, "base", path);
  s.base_annual = number_at(base, "pm25_annual", b);
  s.base_special = number_at(base, "pm25_special_period", b);
  s.base_good_share = number_at(base, "good_day_share", b, 0, 100);
  s.days = number_at(base, "days", b, 1, 366);
  s.base_pm25_days = number_at(base, "pm25_polluted_days", b, 0, s.days);
  for (const auto& t : required(root, "targets", path)) {
    const int year = year_of(t.first, path + ": targets");
    const std::string w = path + ": targets." + std::to_string(year);
    s.targets[year] = {number_at(t.second, "pm25_annual", w),
                       number_at(t.second, "pm25_special_period", w),
                       number_at(t.second, "good_day_share", w, 0, 100)};
  }
  const YAML::Node phase = required(root, "phase", path);
  for (const auto& p : phase) {
    const int year = year_of(p.first, path + ": phase");
    s.phase[year] = number_at(phase, p.first.Scalar(), path + ": phase", 0, 1);
    if (!s.targets.count(year)) {
      throw Error(path + ": phase." + std::to_string(year), "no target for that year");
    }
  }
  for (const auto& sector : required(root, "changes", path)) {
    const std::string name = sector.first.as<std::string>(), w = path + ": changes." + name;
    if (std::find(sectors.begin(), sectors.end(), name) == sectors.end()) {
      throw Error(w, "unknown sector", did_you_mean(name, sectors));
    }
    for (const auto& change : sector.second) {
      const std::string pollutant = change.first.as<std::string>();
      if (std::find(pollutants.begin(), pollutants.end(), pollutant) == pollutants.end()) {
        throw Error(w + "." + pollutant, "unknown pollutant", did_you_mean(pollutant, pollutants));
      }
      const double f = yaml_number(change.second, w + "." + pollutant);
      if (f < -1) throw Error(w + "." + pollutant, "a cut beyond 100 %", "a change ≥ −1");
      s.changes[name][pollutant] = f;
    }
  }
  return s;
}

const char* place_name(ApportionmentPlace place) {
  return place == ApportionmentPlace::Stations ? "at the stations" : "over the city area";
}

namespace {

/// Adds `b` into `a` component by component, times `w`.
void add_scaled(SourceContribution& a, const SourceContribution& b, double w) {
  a.primary += w * b.primary;
  a.sulfate += w * b.sulfate;
  a.nitrate += w * b.nitrate;
  a.ammonium += w * b.ammonium;
  a.soa += w * b.soa;
  a.pm25 += w * b.pm25;
  a.o3 += w * b.o3;
}

/// Sums `c` into `out` under its source name (a new zero row when not there yet) with weight w.
void add_by_source(std::vector<SourceContribution>& out, const SourceContribution& c, double w) {
  auto it = std::find_if(out.begin(), out.end(),
                         [&](const SourceContribution& x) { return x.source == c.source; });
  if (it == out.end()) {
    out.push_back({c.source, c.category, 0, 0, 0, 0, 0, 0});
    it = out.end() - 1;
  }
  add_scaled(*it, c, w);
}

}  // namespace

std::vector<SourceContribution> read_contributions(const std::string& summary_csv,
                                                   ApportionmentPlace place) {
  const CsvTable t =
      parse_csv(read_text_file(summary_csv, "source apportionment summary"), summary_csv);
  const bool area = place == ApportionmentPlace::CityArea;
  const bool has_o3 = std::find(t.header.begin(), t.header.end(), "O3_SA_ug_m3") != t.header.end();
  std::vector<SourceContribution> rows;
  std::set<std::string> places;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string& where = t.rows[r][t.column("place")];
    if ((where == "Hengyang") != area) continue;
    places.insert(where);
    auto ug = [&](const char* column) { return t.number(r, column, 0.0, 1e6); };
    rows.push_back({t.rows[r][t.column("source")], t.rows[r][t.column("category")],
                    ug("PRIMARY_SA_ug_m3"), ug("SULF_SA_ug_m3"), ug("NIT_SA_ug_m3"),
                    ug("NH4_SA_ug_m3"), ug("SOA_SA_ug_m3"), ug("PM25_SA_ug_m3"),
                    has_o3 ? ug("O3_SA_ug_m3") : 0.0});
  }
  if (rows.empty()) {
    throw Error(summary_csv, area ? "no Hengyang rows" : "no station rows",
                area ? "a kctm_sa_summary.csv of a run"
                     : "the run had no stations file (source_apportionment.stations_file); "
                       "or take the city area: --at area");
  }
  // The stations' mean, each station weighing the same (as a city value of HJ 663-2013).
  std::vector<SourceContribution> out;
  for (const SourceContribution& c : rows) add_by_source(out, c, 1.0 / places.size());
  return out;
}

bool summary_has_stations(const std::string& summary_csv) {
  const CsvTable t =
      parse_csv(read_text_file(summary_csv, "source apportionment summary"), summary_csv);
  for (const std::vector<std::string>& row : t.rows) {
    if (row[t.column("place")] != "Hengyang") return true;
  }
  return false;
}

std::vector<SourceContribution> mean_contributions(
    const std::vector<std::vector<SourceContribution>>& runs) {
  std::vector<SourceContribution> out;
  for (const std::vector<SourceContribution>& run : runs) {
    for (const SourceContribution& c : run) add_by_source(out, c, 1.0 / runs.size());
  }
  return out;
}

YearProjection year_projection(const Scenario& scenario, const std::vector<double>& daily_pm25,
                               int year, double change, double local_share_after) {
  YearProjection y{
      year, change, scenario.base_annual * (1 + change), scenario.base_special * (1 + change),
      NAN,  0};
  auto polluted_days = [&](double factor) {
    return static_cast<double>(std::count_if(daily_pm25.begin(), daily_pm25.end(), [&](double v) {
      return v * factor > kPm25GoodLimit;
    }));
  };
  if (polluted_days(1.0) > 0) {
    const double polluted =
        scenario.base_pm25_days * polluted_days(1 + change) / polluted_days(1.0);
    y.good_share =
        std::min(100.0, scenario.base_good_share +
                            100.0 * (scenario.base_pm25_days - polluted) / scenario.days);
  }
  const double target = scenario.targets.at(year).annual;
  // Local sources at the base year's scale [ug m-3]: how much more of them must go.
  const double local_ug = local_share_after * scenario.base_annual;
  y.local_cut_to_close = y.annual > target && local_ug > 0 ? (y.annual - target) / local_ug : 0;
  return y;
}

std::vector<YearProjection> project(const Scenario& scenario,
                                    const std::vector<SourceContribution>& contributions,
                                    const std::vector<double>& daily_pm25) {
  // The initial state's share is the run's spin-up, not a source of the year: left out, so the
  // shares are those of the sources that keep the air polluted.
  double total = 0;
  for (const SourceContribution& c : contributions) {
    if (c.category != "initial") total += c.pm25;
  }
  std::vector<YearProjection> years;
  for (const auto& [year, phase] : scenario.phase) {
    double change_ug = 0, local_after = 0, magnitude = 0, nonlinear = 0;
    for (const SourceContribution& c : contributions) {
      const auto sector = scenario.changes.find(c.source);
      // phase by copy: capturing a structured binding needs C++20.
      auto cut = [&, phase = phase](const char* pollutant) {
        if (sector == scenario.changes.end()) return 0.0;
        const auto p = sector->second.find(pollutant);
        return p == sector->second.end() ? 0.0 : phase * p->second;
      };
      // Each component follows the emission it is made of (PSAT's attribution).
      const double d = c.primary * cut("PM25") + c.sulfate * cut("SO2") + c.nitrate * cut("NOx") +
                       c.ammonium * cut("NH3") + c.soa * cut("VOC");
      change_ug += d;
      nonlinear += std::abs(c.nitrate * cut("NOx")) + std::abs(c.ammonium * cut("NH3"));
      magnitude += std::abs(c.primary * cut("PM25")) + std::abs(c.sulfate * cut("SO2")) +
                   std::abs(c.soa * cut("VOC"));
      if (c.category == "local") local_after += c.pm25 + d;
    }
    years.push_back(year_projection(scenario, daily_pm25, year, total > 0 ? change_ug / total : 0.0,
                                    total > 0 ? local_after / total : 0.0));
    magnitude += nonlinear;
    years.back().nonlinear_share = magnitude > 0 ? nonlinear / magnitude : 0.0;
  }
  return years;
}

void write_attainment_csv(const std::string& path, const Scenario& scenario,
                          const std::vector<YearProjection>& years) {
  std::string csv =
      "year,change,annual,annual_target,special,special_target,good_share,"
      "good_share_target\n";
  for (const YearProjection& y : years) {
    const Scenario::Target& t = scenario.targets.at(y.year);
    csv += fmt::format("{},{:.5f},{:.3f},{},{:.3f},{},{},{}\n", y.year, y.change, y.annual,
                       t.annual, y.special, t.special,
                       std::isfinite(y.good_share) ? fmt::format("{:.2f}", y.good_share) : "",
                       t.good_share);
  }
  write_text_file(path, csv, "attainment table");
}

std::string attainment_table(const Scenario& scenario, const std::vector<YearProjection>& years,
                             bool rerun) {
  auto mark = [](bool met) { return met ? "met" : "NOT met"; };
  std::string t =
      fmt::format("{:<6} {:>8} {:>22} {:>24} {:>22}\n", "year", "PM2.5", "annual ug/m3 (target)",
                  "special period (target)", "good days % (target)");
  for (const YearProjection& y : years) {
    const Scenario::Target& target = scenario.targets.at(y.year);
    const std::string good =
        std::isfinite(y.good_share)
            ? fmt::format("{:.1f} ({:.0f}) {}", y.good_share, target.good_share,
                          mark(y.good_share >= target.good_share))
            : fmt::format("– ({:.0f}) give --obs", target.good_share);
    t += fmt::format(
        "{:<6} {:>+7.1f}% {:>22} {:>24} {:>22}\n", y.year, 100 * y.change,
        fmt::format("{:.1f} ({:.0f}) {}", y.annual, target.annual, mark(y.annual <= target.annual)),
        fmt::format("{:.1f} ({:.0f}) {}", y.special, target.special,
                    mark(y.special <= target.special)),
        good);
    if (y.nonlinear_share > kNonlinearShareForRerun) {
      t += fmt::format(
          "       nitrate and ammonium carry {:.0f} % of this change: their response to NOx and "
          "NH3 cuts is nonlinear; check with --rerun\n",
          100 * y.nonlinear_share);
    }
    if (y.local_cut_to_close > 1) {
      t += fmt::format(
          "       {:.0f} ug/m3 is out of reach of local cuts alone: removing every "
          "local source still leaves the regional and background share\n",
          target.annual);
    } else if (y.local_cut_to_close > 0) {
      t += fmt::format("       to meet {:.0f} ug/m3: a further {:.1f} % off every local source\n",
                       target.annual, 100 * y.local_cut_to_close);
    }
  }
  return t + (rerun ? fmt::format("(rerun: base year {:.1f} ug/m3 moved as Hengyang's PM2.5 moved "
                                  "between the run and its reruns with each year's emissions)",
                                  scenario.base_annual)
                    : fmt::format("(first order: base year {:.1f} ug/m3 moved by each sector's "
                                  "PM2.5 components times its emission changes; --rerun for the "
                                  "nonlinear response)",
                                  scenario.base_annual));
}

}  // namespace kctm
