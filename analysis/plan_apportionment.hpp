#pragma once
// A run's or a sampled year's PM2.5 apportionment set beside the plan's own for 2018 (the
// attainment plan's section 二.(一).2, digested in shared/plan/FACTS.md): local, regional and
// background; primary and secondary; each local sector. And the same month by month, with the
// local share of O3.
#include <string>
#include <utility>
#include <vector>

#include "analysis/attainment.hpp"

namespace kctm {

/// The plan's apportionment of Hengyang's 2018 PM2.5 (section 二.(一).2) [%].
namespace plan_2018 {
constexpr double kLocal = 68.4, kRegional = 16.6, kBackground = 15.0;
constexpr double kPrimary = 46, kSecondary = 54;  // "about"
constexpr double kSulfateNitrateAbove = 40;       // sulfate + nitrate "above 40 %" (二.(二).2)
/// Each local sector's share of the local part, as printed (they sum to 97.6 %).
inline const std::vector<std::pair<const char*, double>>& local_sectors() {
  static const std::vector<std::pair<const char*, double>> shares = {
      {"fugitive_dust", 22.7}, {"industrial_process", 21.8},     {"mobile", 15.9},
      {"agriculture", 11.8},   {"residential_commercial", 10.1}, {"stationary_combustion", 8.5},
      {"biomass_burning", 6.8}};
  return shares;
}
}  // namespace plan_2018

/// Shares of PM2.5 in a set of contributions [%].
struct ApportionmentShares {
  std::vector<std::pair<std::string, double>> categories;  ///< local, regional, background,
                                                           ///< initial, then any other
  double primary, secondary, sulfate_nitrate;
  /// Each local sector's share of all PM2.5 (a source "SECTOR:UNIT" counts for SECTOR), and the
  /// local part's share, to take the sectors' shares of it.
  std::vector<std::pair<std::string, double>> sectors;
  double local;
};
ApportionmentShares apportionment_shares(const std::vector<SourceContribution>& contributions);

/// The shares beside the plan's, as a table for the terminal; the sectors also as shares of the
/// local part.
std::string apportionment_beside_plan(const ApportionmentShares& shares);

/// One run's contributions and the month its output starts in (1–12; 0 where not known).
struct RunContributions {
  int month;
  std::vector<SourceContribution> sources;
};

/// A month's mean over its runs.
struct MonthApportionment {
  int month, runs;
  double pm25, local, regional, background, initial;  ///< [ug m-3]
  double secondary_pct, local_o3_pct;                 ///< local_o3_pct NaN without O3
};
std::vector<MonthApportionment> apportionment_by_month(const std::vector<RunContributions>& runs);

/// The months as a table for the terminal.
std::string month_table(const std::vector<MonthApportionment>& months);

}  // namespace kctm
