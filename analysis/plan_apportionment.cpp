#include "analysis/plan_apportionment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace kctm {

namespace {

double secondary(const SourceContribution& c) { return c.sulfate + c.nitrate + c.ammonium + c.soa; }

double percent(double part, double whole) { return whole > 0 ? 100 * part / whole : 0.0; }

/// The sector a local source stands for: its name, or the part before ':' (by county).
std::string sector_of(const std::string& source) { return source.substr(0, source.find(':')); }

const char* const kCategoryOrder[] = {"local", "regional", "background", "initial"};

/// The plan's share of a category [%], NaN where it has none.
double plan_category(const std::string& category) {
  if (category == "local") return plan_2018::kLocal;
  if (category == "regional") return plan_2018::kRegional;
  if (category == "background") return plan_2018::kBackground;
  return NAN;
}

/// The plan's share of a local sector in the local part [%], NaN where it names none.
double plan_sector(const std::string& sector) {
  for (const auto& [name, share] : plan_2018::local_sectors()) {
    if (sector == name) return share;
  }
  return NAN;
}

std::string number_or_dash(double v, const char* format) {
  return std::isfinite(v) ? fmt::format(fmt::runtime(format), v) : "–";
}

/// A set of sources' contributions added up: PM2.5 and its parts, O3, by category and by local
/// sector [ug m-3].
struct Totals {
  double pm25 = 0, primary = 0, secondary = 0, sulfate_nitrate = 0, o3 = 0, local_o3 = 0;
  std::map<std::string, double> by_category, by_sector;
};

Totals totals_of(const std::vector<SourceContribution>& contributions) {
  Totals t;
  for (const SourceContribution& c : contributions) {
    t.pm25 += c.pm25;
    t.primary += c.primary;
    t.secondary += secondary(c);
    t.sulfate_nitrate += c.sulfate + c.nitrate;
    t.o3 += c.o3;
    t.by_category[c.category] += c.pm25;
    if (c.category == "local") {
      t.by_sector[sector_of(c.source)] += c.pm25;
      t.local_o3 += c.o3;
    }
  }
  return t;
}

}  // namespace

ApportionmentShares apportionment_shares(const std::vector<SourceContribution>& contributions) {
  Totals t = totals_of(contributions);
  ApportionmentShares s{{},
                        percent(t.primary, t.pm25),
                        percent(t.secondary, t.pm25),
                        percent(t.sulfate_nitrate, t.pm25),
                        {},
                        percent(t.by_category["local"], t.pm25)};
  for (const char* category : kCategoryOrder) {
    s.categories.emplace_back(category, percent(t.by_category[category], t.pm25));
    t.by_category.erase(category);
  }
  for (const auto& [category, ug] : t.by_category)
    s.categories.emplace_back(category, percent(ug, t.pm25));
  // The plan's sectors in its order, then the others.
  for (const auto& [sector, share] : plan_2018::local_sectors()) {
    s.sectors.emplace_back(sector, percent(t.by_sector[sector], t.pm25));
    t.by_sector.erase(sector);
  }
  for (const auto& [sector, ug] : t.by_sector) s.sectors.emplace_back(sector, percent(ug, t.pm25));
  return s;
}

std::string apportionment_beside_plan(const ApportionmentShares& s) {
  std::string t = fmt::format("{:<24} {:>10} {:>10}\n", "PM2.5 share", "model %", "plan %");
  for (const auto& [category, pct] : s.categories) {
    t += fmt::format("{:<24} {:>10.1f} {:>10}\n", category, pct,
                     number_or_dash(plan_category(category), "{:.1f}"));
  }
  t += fmt::format("{:<24} {:>10.1f} {:>10.0f}\n", "primary", s.primary, plan_2018::kPrimary);
  t += fmt::format("{:<24} {:>10.1f} {:>10.0f}\n", "secondary", s.secondary, plan_2018::kSecondary);
  t += fmt::format("{:<24} {:>10.1f} {:>10}\n", "sulfate + nitrate", s.sulfate_nitrate,
                   fmt::format("> {:.0f}", plan_2018::kSulfateNitrateAbove));
  t += fmt::format("{:<24} {:>10} {:>10} {:>12} {:>12}\n", "local sector", "model %", "plan %",
                   "model % of", "plan % of");
  t += fmt::format("{:<24} {:>10} {:>10} {:>12} {:>12}\n", "", "of PM2.5", "of PM2.5", "local",
                   "local");
  for (const auto& [sector, pct] : s.sectors) {
    const double plan = plan_sector(sector);
    t += fmt::format("{:<24} {:>10.1f} {:>10} {:>12.1f} {:>12}\n", sector, pct,
                     number_or_dash(plan * plan_2018::kLocal / 100, "{:.1f}"),
                     percent(pct, s.local), number_or_dash(plan, "{:.1f}"));
  }
  return t;
}

std::vector<MonthApportionment> apportionment_by_month(const std::vector<RunContributions>& runs) {
  std::map<int, std::vector<std::vector<SourceContribution>>> months;
  for (const RunContributions& r : runs) months[r.month].push_back(r.sources);
  std::vector<MonthApportionment> out;
  for (const auto& [month, month_runs] : months) {
    Totals t = totals_of(mean_contributions(month_runs));
    out.push_back({month, static_cast<int>(month_runs.size()), t.pm25, t.by_category["local"],
                   t.by_category["regional"], t.by_category["background"], t.by_category["initial"],
                   percent(t.secondary, t.pm25), t.o3 > 0 ? percent(t.local_o3, t.o3) : NAN});
  }
  return out;
}

std::string month_table(const std::vector<MonthApportionment>& months) {
  std::string t = fmt::format("{:<5} {:>4} {:>7} {:>7} {:>9} {:>11} {:>8} {:>12} {:>11}\n", "month",
                              "runs", "PM2.5", "local", "regional", "background", "initial",
                              "secondary %", "local O3 %");
  for (const MonthApportionment& m : months) {
    t += fmt::format("{:<5} {:>4} {:>7.1f} {:>7.1f} {:>9.1f} {:>11.1f} {:>8.1f} {:>12.0f} {:>11}\n",
                     m.month > 0 ? std::to_string(m.month) : "?", m.runs, m.pm25, m.local,
                     m.regional, m.background, m.initial, m.secondary_pct,
                     number_or_dash(m.local_o3_pct, "{:.1f}"));
  }
  return t;
}

}  // namespace kctm
