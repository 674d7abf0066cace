#pragma once
// `kctm attain`: will the plan's measures meet its targets? A scenario file (scenarios/
// hengyang-plan.yaml) changes each sector's emissions per pollutant by year. The first-order
// projection takes a run's source apportionment (kctm_sa_summary.csv) where the plan's figures
// are measured, at the monitoring stations, or over the city area: each sector's sulfate,
// nitrate, ammonium, SOA and primary PM2.5 change as its SO2, NOx, NH3, VOC and PM2.5 emissions
// do, and the observed base year moves by the sum.
#include <map>
#include <string>
#include <vector>

namespace kctm {

struct Scenario {
  double base_annual, base_special, base_good_share, base_pm25_days, days;
  struct Target {
    double annual, special, good_share;
  };
  std::map<int, Target> targets;
  std::map<int, double> phase;  ///< year → share of the full (2025) change reached
  /// sector → pollutant → change of its emissions at full phase [fraction of 2018]
  std::map<std::string, std::map<std::string, double>> changes;
};

/// Reads a scenario; sectors and pollutants must be the inventory's. Throws kctm::Error naming
/// the file and key.
Scenario read_scenario(const std::string& path, const std::vector<std::string>& sectors,
                       const std::vector<std::string>& pollutants);

/// Each source's PM2.5 components and O3 [ug m-3] from a run's kctm_sa_summary.csv.
struct SourceContribution {
  std::string source, category;
  double primary, sulfate, nitrate, ammonium, soa, pm25;
  double o3 = 0;  ///< 0 where the summary has no O3 column
};

/// Where the apportionment is read: the mean of the monitoring stations' cells (the city value
/// of HJ 663-2013, where the plan's 42 ug m-3 was measured), or the mean over the city's area.
enum class ApportionmentPlace { Stations, CityArea };
const char* place_name(ApportionmentPlace place);

/// The contributions at `place`; throws kctm::Error naming the file when it has no rows there
/// (no stations file in the run: the summary then covers the area only).
std::vector<SourceContribution> read_contributions(const std::string& summary_csv,
                                                   ApportionmentPlace place);

/// Whether the summary has the stations' rows (the run had a stations file).
bool summary_has_stations(const std::string& summary_csv);

/// Several runs' contributions averaged source by source, each run weighing the same (the runs of
/// a sampled year cover the same number of days each); a source a run lacks counts as zero there.
std::vector<SourceContribution> mean_contributions(
    const std::vector<std::vector<SourceContribution>>& runs);

struct YearProjection {
  int year;
  double change;              ///< relative change of PM2.5 from the base year [1]
  double annual, special;     ///< projected PM2.5 [ug m-3]
  double good_share;          ///< projected good days [%], NaN without daily data
  double local_cut_to_close;  ///< further cut of every local source to meet the annual
                              ///< target [fraction], 0 when met
  /// Share of the first-order change carried by nitrate and ammonium [0–1]: their response to
  /// NOx and NH3 cuts is nonlinear (each limits the other's particle), so above
  /// kNonlinearShareForRerun the table asks for --rerun. 0 for a rerun.
  double nonlinear_share = 0;
};

/// Nitrate and ammonium's share of a projected change above which the first order is not to be
/// trusted alone: the NH4NO3 equilibrium moves with whichever of NH3 and HNO3 is short
/// (chemistry/aerosol_equilibrium.hpp), which tags cannot represent.
constexpr double kNonlinearShareForRerun = 0.25;

/// One year's figures from PM2.5's relative change and the local sources' share of the base
/// year's PM2.5 after it (for the cut that would close the gap).
YearProjection year_projection(const Scenario& scenario, const std::vector<double>& daily_pm25,
                               int year, double change, double local_share_after);

/// The first-order projection for every year of the scenario, with shares among the sources
/// other than the initial state (a run's spin-up). `daily_pm25` (city daily means of
/// the observations, may be empty) turns PM2.5's change into polluted days: those above 75 ug
/// m-3 (the 24-h IAQI 100 breakpoint, HJ 633-2012) after scaling, against before.
std::vector<YearProjection> project(const Scenario& scenario,
                                    const std::vector<SourceContribution>& contributions,
                                    const std::vector<double>& daily_pm25);

/// The table against the targets, for the terminal; `rerun`: the years come from reruns.
std::string attainment_table(const Scenario& scenario, const std::vector<YearProjection>& years,
                             bool rerun = false);

/// The same as CSV (year,change,annual,annual_target,special,special_target,good_share,
/// good_share_target), written under a temporary name then renamed, for
/// scripts/plot_apportionment.py.
void write_attainment_csv(const std::string& path, const Scenario& scenario,
                          const std::vector<YearProjection>& years);

}  // namespace kctm
