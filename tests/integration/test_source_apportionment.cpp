// Source apportionment in whole runs: the tags add up to the bulk in every output cell and hour,
// equal the brute-force (zero-out) differences where every process is linear, double with their
// source, and the chemistry's nonlinearity is reported for the main sectors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "base/csv.hpp"
#include "config/config.hpp"
#include "netcdf_values.hpp"
#include "run/driver.hpp"
#include "test_support.hpp"

namespace kctm {
namespace {

struct FinishedRun {
  std::string dir;
  RunResult result;
  std::string file(const std::string& prefix) const { return dir + "/" + prefix + "_20190101.nc"; }
};

FinishedRun run(const std::string& name, const std::vector<std::string>& sets) {
  FinishedRun r{test::temp_dir("sa-" + name), {}};
  Config c;
  c.set("output.dir=" + r.dir);
  c.set("log.progress_interval_s=100000");
  for (const std::string& s : sets) c.set(s);
  r.result = run_simulation(read_run_config(c));
  return r;
}

/// A small linear world: 9 km, no chemistry, the unlimited PPM, a morning of emissions.
const std::vector<std::string> kLinear = {"grid.dx_km=9", "time.start=2019-01-01T06:00:00+08:00",
                                          "time.hours=4", "chemistry.enabled=false",
                                          "transport.monotone=false"};

std::vector<std::string> with(std::vector<std::string> sets, const std::string& extra) {
  sets.push_back(extra);
  return sets;
}

/// Layout of the files: conc (time, lev, y, x), sa (time, source, y, x).
struct Layout {
  std::size_t records, levels, sources, cells;
};
Layout layout_of(const FinishedRun& r, const char* bulk, const char* apportioned) {
  const std::size_t conc = test::read_variable(r.file("kctm_conc"), bulk).size();
  const std::size_t sa = test::read_variable(r.file("kctm_sa"), apportioned).size();
  const std::size_t levels = test::read_variable(r.file("kctm_conc"), "lev").size();
  const std::size_t sources = test::read_variable(r.file("kctm_sa"), "source_name").size();
  const std::size_t cells = test::read_variable(r.file("kctm_conc"), "cell_area").size();
  const std::size_t records = conc / (levels * cells);
  EXPECT_EQ(sa, records * sources * cells);
  return {records, levels, sources, cells};
}

/// The lowest layer of a conc variable, or the sum of several, (time, y, x).
std::vector<double> surface(const FinishedRun& r, const std::vector<const char*>& names) {
  std::vector<double> out;
  for (const char* name : names) {
    const std::vector<float> v = test::read_variable(r.file("kctm_conc"), name);
    const Layout l = layout_of(r, name, "PM25_SA");
    out.resize(l.records * l.cells, 0.0);
    for (std::size_t t = 0; t < l.records; ++t) {
      for (std::size_t c = 0; c < l.cells; ++c)
        out[t * l.cells + c] += v[t * l.levels * l.cells + c];
    }
  }
  return out;
}

/// One source's tag of an apportioned variable, (time, y, x); source −1: the sum over sources.
std::vector<double> tag(const FinishedRun& r, const char* name, int source) {
  const std::vector<float> v = test::read_variable(r.file("kctm_sa"), name);
  const Layout l = layout_of(r, "PM25", name);
  std::vector<double> out(l.records * l.cells, 0.0);
  for (std::size_t t = 0; t < l.records; ++t) {
    for (std::size_t s = 0; s < l.sources; ++s) {
      if (source >= 0 && static_cast<int>(s) != source) continue;
      for (std::size_t c = 0; c < l.cells; ++c) {
        out[t * l.cells + c] += v[(t * l.sources + s) * l.cells + c];
      }
    }
  }
  return out;
}

int source_index(const FinishedRun& r, const std::string& name) {
  int nc = 0, var = 0;
  nc_open(r.file("kctm_sa").c_str(), NC_NOWRITE, &nc);
  nc_inq_varid(nc, "source_name", &var);
  std::size_t n = 0;
  int dim = 0;
  nc_inq_vardimid(nc, var, &dim);
  nc_inq_dimlen(nc, dim, &n);
  std::vector<char*> names(n);
  nc_get_var_string(nc, var, names.data());
  int found = -1;
  for (std::size_t s = 0; s < n; ++s) {
    if (name == names[s]) found = static_cast<int>(s);
  }
  nc_free_string(n, names.data());
  nc_close(nc);
  EXPECT_GE(found, 0) << name;
  return found;
}

/// Largest |a − b| relative to `scale` (per element, with a floor of 1e-9 ug m-3).
double worst_gap(const std::vector<double>& a, const std::vector<double>& b,
                 const std::vector<double>& scale) {
  double worst = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    worst = std::max(worst, std::abs(a[i] - b[i]) / std::max(std::abs(scale[i]), 1e-9));
  }
  return worst;
}

std::vector<double> minus(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> d(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) d[i] = a[i] - b[i];
  return d;
}

CsvTable read_summary(const FinishedRun& r) {
  std::ifstream in(r.dir + "/kctm_sa_summary.csv");
  std::stringstream text;
  text << in.rdbuf();
  return parse_csv(text.str(), "kctm_sa_summary.csv");
}

TEST(SourceApportionment, TagsAddUpToTheBulkInEveryOutputCellAndHourOfTheDemo) {
  // The demo's configuration (3 km, chemistry, every default source), its first three hours; or
  // the first day of a finished run in $KCTM_SA_RUN_DIR (e.g. a full `kctm demo`).
  const char* finished = std::getenv("KCTM_SA_RUN_DIR");
  const FinishedRun r = finished ? FinishedRun{finished, {}} : run("demo", {"time.hours=3"});
  if (!finished) {
    std::printf("closure at the end %.1e; transport left the tags %.1e apart (rescaled)\n",
                r.result.tag_closure, r.result.tag_transport_drift);
    EXPECT_LT(r.result.tag_closure, 1e-12);
  }
  // Each apportioned output's sum over sources against the bulk, written as float: 1e-6 of the
  // bulk holds float rounding (6e-8 per value) with a wide margin.
  const std::vector<std::pair<const char*, std::vector<const char*>>> pairs = {
      {"PM25_SA", {"PM25"}}, {"SULF_SA", {"SULF"}}, {"NIT_SA", {"NIT"}},
      {"NH4_SA", {"NH4"}},   {"SOA_SA", {"SOA"}},   {"PRIMARY_SA", {"PEC", "POA", "POTH"}},
      {"PMC_SA", {"PMC"}},   {"O3_SA", {"O3"}}};
  for (const auto& [apportioned, bulk] : pairs) {
    const std::vector<double> b = surface(r, bulk), sum = tag(r, apportioned, -1);
    const double gap = worst_gap(sum, b, b);
    std::printf("%-10s max |sum of tags - bulk| / bulk = %.1e over %zu cell-hours\n", apportioned,
                gap, b.size());
    EXPECT_LT(gap, 1e-6) << apportioned;
  }
  const std::vector<double> o3b = tag(r, "O3B_SA", -1), o3n = tag(r, "O3N_SA", -1),
                            o3v = tag(r, "O3V_SA", -1);
  const std::vector<double> o3 = surface(r, {"O3"});
  std::vector<double> kinds(o3.size());
  for (std::size_t i = 0; i < o3.size(); ++i) kinds[i] = o3b[i] + o3n[i] + o3v[i];
  EXPECT_LT(worst_gap(kinds, o3, o3), 1e-6);

  // The summary: shares non-negative and summing to 100 % per place and output.
  const CsvTable t = read_summary(r);
  std::map<std::pair<std::string, std::string>, std::pair<double, double>> totals;  // ug, %
  for (std::size_t row = 0; row < t.rows.size(); ++row) {
    for (std::size_t col = 3; col < t.header.size(); col += 2) {
      auto& [ug, pct] = totals[{t.rows[row][0], t.header[col + 1]}];
      ug += t.number(row, t.header[col], 0.0, 1e12);
      pct += t.number(row, t.header[col + 1], 0.0, 100.0);
    }
  }
  EXPECT_GT(totals.size(), 0u);
  for (const auto& [key, total] : totals) {
    if (total.first > 0) EXPECT_NEAR(total.second, 100.0, 0.05) << key.first << " " << key.second;
  }
}

TEST(SourceApportionment, ZeroingASourceRemovesExactlyItsTagsWhenTheRunIsLinear) {
  const FinishedRun all = run("all", kLinear);
  // Every process linear: the tags stay on the bulk by themselves, with nothing to rescale (a
  // tag that misses an emission or inflow shows here first).
  EXPECT_LT(all.result.tag_transport_drift, 1e-9);
  for (const char* source : {"mobile", "regional", "initial"}) {
    const FinishedRun without =
        run(std::string("no-") + source,
            with(kLinear, std::string("source_apportionment.factors=") + source + "=0"));
    const int s = source_index(all, source);
    for (const auto& [apportioned, bulk] :
         std::vector<std::pair<const char*, const char*>>{{"PM25_SA", "PM25"}, {"PMC_SA", "PMC"}}) {
      const std::vector<double> full = surface(all, {bulk}), rest = surface(without, {bulk});
      const std::vector<double> change = minus(full, rest);
      // Relative to the larger of the two runs' values: the files hold floats, and where the
      // unlimited PPM undershoots behind the inflow's front a bulk value can be a small
      // difference of larger parts.
      std::vector<double> scale(full.size());
      for (std::size_t i = 0; i < full.size(); ++i) {
        scale[i] = std::max(std::abs(full[i]), std::abs(rest[i]));
      }
      const double gap = worst_gap(change, tag(all, apportioned, s), scale);
      std::printf("%-8s %-8s max |zero-out difference - tag| / bulk = %.1e\n", source, bulk, gap);
      EXPECT_LT(gap, 1e-6) << source << " " << bulk;
    }
  }
}

TEST(SourceApportionment, DoublingASourceDoublesItsPrimaryTag) {
  const FinishedRun once = run("once", kLinear);
  const FinishedRun twice = run("twice", with(kLinear, "source_apportionment.factors=mobile=2"));
  const int mobile = source_index(once, "mobile"), dust = source_index(once, "fugitive_dust");
  std::vector<double> doubled = tag(once, "PRIMARY_SA", mobile);
  EXPECT_GT(*std::max_element(doubled.begin(), doubled.end()), 0.1);  // ug m-3: it is there
  for (double& v : doubled) v *= 2;
  const std::vector<double> bulk = surface(twice, {"PEC", "POA", "POTH"});
  const double gap = worst_gap(tag(twice, "PRIMARY_SA", mobile), doubled, bulk);
  const double others =
      worst_gap(tag(twice, "PRIMARY_SA", dust), tag(once, "PRIMARY_SA", dust), bulk);
  std::printf("mobile primary PM2.5 doubled to %.1e of the bulk; dust's moved %.1e\n", gap, others);
  EXPECT_LT(gap, 1e-6);
  EXPECT_LT(others, 1e-6);
}

TEST(SourceApportionment, WithChemistryTheTagsAndZeroOutDifferencesAreReported) {
  // A summer morning at 9 km with the default (monotone, chemistry) setup: the tags and the
  // brute-force differences part where the chemistry is nonlinear (nitrate, O3); printed, not
  // hidden. Bounds only catch a broken attribution: same sign and order of magnitude for PM2.5.
  const std::vector<std::string> summer = {"grid.dx_km=9", "time.start=2019-07-15T06:00:00+08:00",
                                           "time.hours=6"};
  const FinishedRun all = run("summer", summer);
  auto hengyang_mean = [](const FinishedRun& r, const std::string& column,
                          const std::string& source) {
    const CsvTable t = read_summary(r);
    double sum = 0;
    for (std::size_t row = 0; row < t.rows.size(); ++row) {
      if (t.rows[row][0] != "Hengyang" || (!source.empty() && t.rows[row][1] != source)) continue;
      sum += t.number(row, column, -1e12, 1e12);
    }
    return sum;
  };
  std::printf("%-22s %12s %12s %12s %12s   (ug m-3 over Hengyang, 6 h mean)\n", "source",
              "PM2.5 tag", "zero-out", "O3 tag", "zero-out");
  for (const char* source : {"industrial_process", "stationary_combustion", "mobile"}) {
    const FinishedRun without =
        run(std::string("summer-no-") + source,
            with(summer, std::string("source_apportionment.factors=") + source + "=0"));
    const double pm_tag = hengyang_mean(all, "PM25_SA_ug_m3", source);
    const double pm_zero =
        hengyang_mean(all, "PM25_SA_ug_m3", "") - hengyang_mean(without, "PM25_SA_ug_m3", "");
    const double o3_tag = hengyang_mean(all, "O3_SA_ug_m3", source);
    const double o3_zero =
        hengyang_mean(all, "O3_SA_ug_m3", "") - hengyang_mean(without, "O3_SA_ug_m3", "");
    std::printf("%-22s %12.4f %12.4f %12.4f %12.4f\n", source, pm_tag, pm_zero, o3_tag, o3_zero);
    EXPECT_GT(pm_tag, 0.0);
    EXPECT_GT(pm_zero, 0.2 * pm_tag);
    EXPECT_LT(pm_zero, 5.0 * pm_tag);
    EXPECT_GE(o3_tag, 0.0);
  }
}

}  // namespace
}  // namespace kctm
