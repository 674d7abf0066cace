#include "io/daily_products.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <cmath>
#include <ctime>
#include <filesystem>
#include <limits>
#include <map>
#include <memory>
#include <netcdf>

#include "analysis/daily_report.hpp"
#include "base/error.hpp"
#include "base/text_file.hpp"
#include "base/version.hpp"
#include "config/config.hpp"
#include "io/netcdf_time.hpp"
#include "io/output_dir.hpp"
#include "io/run_folder.hpp"
#include "io/run_id.hpp"
#include "io/station_extraction.hpp"

namespace kctm {

namespace fs = std::filesystem;
using namespace netCDF;
using analysis::DailyConcentrations;
using analysis::DailyReport;

namespace {

/// The standards' calendar days are Beijing's (HJ 663-2013 §3: a natural day in Beijing time).
constexpr int kDayUtcOffsetS = kBeijingUtcOffsetS;
constexpr int kHoursPerDay = 24;
constexpr UnixSeconds kDayS = 86400;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr float kFill = -9999.0f;
constexpr int kAqiFill = -1;

/// A value of a day's report (a pointer to member, named so that nvcc's host code declares it
/// without parentheses).
using ReportValue = double DailyConcentrations::*;

/// One product on the grid: its variable, the CSV column and the report's value.
struct Product {
  const char* name;
  const char* csv;
  const char* long_name;
  const char* units;
  const char* cell_methods;
  ReportValue value;
};
constexpr Product kProducts[] = {
    {"PM25_24h", "PM2.5_24h_ug_m3", "24-h mean PM2.5 in the lowest layer", "ug m-3", "time: mean",
     &DailyConcentrations::pm25_24h_ug_m3},
    {"PM10_24h", "PM10_24h_ug_m3", "24-h mean PM10 in the lowest layer", "ug m-3", "time: mean",
     &DailyConcentrations::pm10_24h_ug_m3},
    {"SO2_24h", "SO2_24h_ug_m3", "24-h mean SO2 in the lowest layer", "ug m-3", "time: mean",
     &DailyConcentrations::so2_24h_ug_m3},
    {"NO2_24h", "NO2_24h_ug_m3", "24-h mean NO2 in the lowest layer", "ug m-3", "time: mean",
     &DailyConcentrations::no2_24h_ug_m3},
    {"CO_24h", "CO_24h_mg_m3", "24-h mean CO in the lowest layer", "mg m-3", "time: mean",
     &DailyConcentrations::co_24h_mg_m3},
    {"O3_1h_max", "O3_1h_max_ug_m3", "daily maximum 1-h mean O3 in the lowest layer", "ug m-3",
     "time: maximum", &DailyConcentrations::o3_1h_max_ug_m3},
    {"O3_MDA8", "O3_MDA8_ug_m3",
     "daily maximum 8-h moving mean O3 in the lowest layer (MDA8, HJ 663-2013)", "ug m-3",
     "time: maximum", &DailyConcentrations::o3_8h_max_ug_m3}};
constexpr std::size_t kNProducts = sizeof kProducts / sizeof kProducts[0];

/// One hourly record of the run: its file, its index there and the end of its hour [UTC s].
struct Record {
  std::size_t file, index;
  UnixSeconds hour_end_s;
};

/// The run's hourly records by local day (days since 1970-01-01 in Beijing time). A record
/// written at time t (the field at the end of a model hour) stands for the hour ending at t, as
/// in model_at_stations.
struct RunRecords {
  std::vector<std::string> files;
  std::size_t ny = 0, nx = 0;
  std::string time_units;
  std::map<std::int64_t, std::vector<Record>> by_day;
};

RunRecords read_records(const std::string& run_dir) {
  RunRecords r;
  r.files = day_files(run_dir, "kctm_conc");
  std::map<UnixSeconds, std::string> file_of_hour;
  for (std::size_t f = 0; f < r.files.size(); ++f) {
    const std::string& path = r.files[f];
    try {
      const NcFile nc(path, NcFile::read);
      for (const PollutantVariable& v : kPollutantVariables) {
        if (nc.getVar(v.name).isNull()) {
          throw Error(path, std::string("no ") + v.name + " variable",
                      "daily products need the chemistry's PM25, PM10, SO2, NO2, O3 and CO: run "
                      "with chemistry.enabled");
        }
      }
      const std::size_t ny = nc.getDim("y").getSize(), nx = nc.getDim("x").getSize();
      if (f == 0) {
        r.ny = ny, r.nx = nx;
        nc.getVar("time").getAtt("units").getValues(r.time_units);
      } else if (ny != r.ny || nx != r.nx) {
        throw Error(path, fmt::format("a {} x {} grid beside {}'s {} x {}", nx, ny, r.files[0],
                                      r.nx, r.ny));
      }
      const std::vector<UnixSeconds> times = read_cf_times(nc, path);
      for (std::size_t i = 0; i < times.size(); ++i) {
        const auto [at, added] = file_of_hour.emplace(times[i], path);
        if (!added) {
          throw Error(path, "holds the hour ending " + format_iso8601(times[i], kDayUtcOffsetS) +
                                " that " + at->second + " holds too");
        }
        const std::int64_t day =
            days_from_civil(local_date(times[i] - analysis::kHourS, kDayUtcOffsetS));
        r.by_day[day].push_back({f, i, times[i]});
      }
    } catch (const exceptions::NcException& e) {
      throw Error(path, std::string("cannot read the model output: ") + e.what());
    }
  }
  return r;
}

/// UTC start of local day `day` [s].
UnixSeconds day_start_s(std::int64_t day) { return day * kDayS - kDayUtcOffsetS; }

/// The lowest layer of each pollutant at each hour of one day, [pollutant][hour * cells + cell]
/// in the standard's units; NaN for an hour the run did not write.
std::vector<std::vector<double>> hours_of_day(const RunRecords& r, std::int64_t day) {
  const std::size_t cells = r.ny * r.nx;
  std::vector<std::vector<double>> hours(kPollutantVariables.size(),
                                         std::vector<double>(kHoursPerDay * cells, kNaN));
  std::unique_ptr<NcFile> nc;
  std::size_t open = r.files.size();
  std::vector<float> slab(cells);
  for (const Record& rec : r.by_day.at(day)) {
    const std::string& path = r.files[rec.file];
    try {
      if (rec.file != open) nc = std::make_unique<NcFile>(path, NcFile::read), open = rec.file;
      const UnixSeconds into_day = rec.hour_end_s - day_start_s(day);
      if (into_day % analysis::kHourS != 0) {
        throw Error(path + ":time[" + std::to_string(rec.index) + "]", "not on the hour");
      }
      const std::size_t h = static_cast<std::size_t>(into_day / analysis::kHourS) - 1;
      for (std::size_t p = 0; p < kPollutantVariables.size(); ++p) {
        const PollutantVariable& v = kPollutantVariables[p];
        nc->getVar(v.name).getVar({rec.index, 0, 0, 0}, {1, 1, r.ny, r.nx}, slab.data());
        for (std::size_t c = 0; c < cells; ++c) hours[p][h * cells + c] = slab[c] * v.factor;
      }
    } catch (const exceptions::NcException& e) {
      throw Error(path, std::string("cannot read the model output: ") + e.what());
    }
  }
  return hours;
}

/// One day's products on the grid, per cell.
struct DayProducts {
  std::vector<std::vector<double>> values;  ///< [product][cell], NaN when missing
  std::vector<int> aqi;                     ///< kAqiFill when missing
  bool any_aqi = false;                     ///< whether some cell has an AQI
};

/// The products of local day `day` from the run's hours; each station's report is appended to
/// `at_stations`.
DayProducts day_products(const RunRecords& r, std::int64_t day,
                         const std::vector<StationCell>& stations,
                         std::vector<std::vector<DailyReport>>& at_stations) {
  const std::size_t cells = r.ny * r.nx;
  DayProducts out{std::vector<std::vector<double>>(kNProducts, std::vector<double>(cells, kNaN)),
                  std::vector<int>(cells, kAqiFill)};
  std::multimap<std::size_t, std::size_t> stations_of_cell;
  for (std::size_t s = 0; s < stations.size(); ++s) {
    stations_of_cell.emplace(stations[s].j * r.nx + stations[s].i, s);
  }
  const std::vector<std::vector<double>> hours = hours_of_day(r, day);
  for (std::size_t c = 0; c < cells; ++c) {
    std::map<analysis::Pollutant, analysis::HourlySeries> series;
    for (std::size_t p = 0; p < kPollutantVariables.size(); ++p) {
      analysis::HourlySeries& s = series[kPollutantVariables[p].pollutant];
      s.first_hour_end_s = day_start_s(day) + analysis::kHourS;
      for (int h = 0; h < kHoursPerDay; ++h) s.values.push_back(hours[p][h * cells + c]);
    }
    // The series lie inside the one day, so there is one report.
    const DailyReport report = analysis::daily_reports(series, kDayUtcOffsetS).front();
    for (std::size_t p = 0; p < kNProducts; ++p) {
      out.values[p][c] = report.concentrations.*kProducts[p].value;
    }
    if (report.aqi) out.aqi[c] = *report.aqi, out.any_aqi = true;
    const auto [first, last] = stations_of_cell.equal_range(c);
    for (auto it = first; it != last; ++it) at_stations[it->second].push_back(report);
  }
  return out;
}

using Attributes = std::vector<std::pair<std::string, std::string>>;

NcVar add_var(NcFile& nc, const std::string& name, const NcType& type,
              const std::vector<NcDim>& dims, const Attributes& attributes) {
  NcVar v = nc.addVar(name, type, dims);
  for (const auto& [key, value] : attributes) v.putAtt(key, value);
  return v;
}

/// Copies the attributes of `from` onto `to`, all but `skip`.
void copy_attributes(const NcVar& from, NcVar& to, const std::string& skip = "") {
  for (const auto& [key, att] : from.getAtts()) {
    if (key == skip) continue;
    if (att.getType().getTypeClass() == NcType::nc_CHAR) {
      std::string text;
      att.getValues(text);
      to.putAtt(key, text);
      continue;
    }
    std::vector<char> bytes(att.getAttLength() * att.getType().getSize());
    void* raw = bytes.data();  // not char*: that overload reads text
    att.getValues(raw);
    to.putAtt(key, att.getType(), att.getAttLength(), raw);
  }
}

/// Copies variable `name` of `in` into `out`, whose dimensions it takes by name: its attributes
/// and its values (the grid's coordinates are doubles, its projection an int).
void copy_variable(const NcFile& in, NcFile& out, const std::string& name) {
  const NcVar from = in.getVar(name);
  std::vector<NcDim> dims;
  std::size_t n = 1;
  for (const NcDim& d : from.getDims()) {
    dims.push_back(out.getDim(d.getName()));
    n *= d.getSize();
  }
  NcVar to = out.addVar(name, from.getType(), dims);
  copy_attributes(from, to);
  if (from.getType().getTypeClass() == NcType::nc_INT) {
    std::vector<int> values(n);
    from.getVar(values.data());
    to.putVar(values.data());
  } else {
    std::vector<double> values(n);
    from.getVar(values.data());
    to.putVar(values.data());
  }
}

std::string text_attribute(const NcFile& nc, const std::string& name) {
  std::string value;
  if (!nc.getAtt(name).isNull()) nc.getAtt(name).getValues(value);
  return value;
}

/// kctm_daily.nc: the grid and its coordinates from the run's first day file, then one record a
/// day; written as NAME.partial and renamed by finish(), removed when left unfinished.
class DailyGridFile {
 public:
  DailyGridFile(std::string path, const RunRecords& r, const std::string& run_id)
      : path_(std::move(path)), temp_(path_ + ".partial"), ny_(r.ny), nx_(r.nx) {
    parse_cf_time_units(r.time_units, per_unit_, origin_);
    try {
      nc_ = std::make_unique<NcFile>(temp_, NcFile::replace, NcFile::nc4);
      define(*nc_, r, run_id);
    } catch (const exceptions::NcException& e) {
      discard();
      throw failed(e);
    }
  }
  ~DailyGridFile() { discard(); }
  DailyGridFile(const DailyGridFile&) = delete;
  DailyGridFile& operator=(const DailyGridFile&) = delete;

  /// Record `d`: the products of local day `day`.
  void write(std::size_t d, std::int64_t day, const DayProducts& p) {
    const std::size_t cells = ny_ * nx_;
    const UnixSeconds start = day_start_s(day);
    const double t[2] = {(start - origin_) / per_unit_, (start + kDayS - origin_) / per_unit_};
    try {
      nc_->getVar("time").putVar({d}, {1}, t);
      nc_->getVar("time_bnds").putVar({d, 0}, {1, 2}, t);
      std::vector<float> values(cells);
      for (std::size_t k = 0; k < kNProducts; ++k) {
        for (std::size_t c = 0; c < cells; ++c) {
          values[c] = std::isnan(p.values[k][c]) ? kFill : static_cast<float>(p.values[k][c]);
        }
        nc_->getVar(kProducts[k].name).putVar({d, 0, 0}, {1, ny_, nx_}, values.data());
      }
      nc_->getVar("AQI").putVar({d, 0, 0}, {1, ny_, nx_}, p.aqi.data());
    } catch (const exceptions::NcException& e) {
      throw failed(e);
    }
  }

  void finish() {
    try {
      nc_->close();
    } catch (const exceptions::NcException& e) {
      throw failed(e);
    }
    nc_.reset();
    std::error_code ec;
    fs::rename(temp_, path_, ec);
    if (ec) throw Error(path_, "cannot rename the finished file: " + ec.message());
  }

 private:
  static void define(NcFile& nc, const RunRecords& r, const std::string& run_id) {
    const NcFile in(r.files.front(), NcFile::read);
    const NcDim d_time = nc.addDim("time");
    nc.addDim("y", r.ny);
    nc.addDim("x", r.nx);
    const NcDim d_nv = nc.addDim("nv", 2);
    const std::vector<NcDim> grid = {d_time, nc.getDim("y"), nc.getDim("x")};
    for (const char* name : {"x", "y", "lat", "lon", "crs"}) copy_variable(in, nc, name);
    // The lowest layer as a scalar coordinate (without the layers' bounds).
    const NcVar levels = in.getVar("lev");
    std::vector<double> heights(levels.getDim(0).getSize());
    levels.getVar(heights.data());
    NcVar lev = nc.addVar("lev", ncDouble, std::vector<NcDim>{});
    copy_attributes(levels, lev, "bounds");
    lev.putVar(heights.data());
    add_var(nc, "time", ncDouble, {d_time},
            {{"standard_name", "time"},
             {"long_name", "start of the day in Beijing time (UTC+8)"},
             {"units", r.time_units},
             {"calendar", "standard"},
             {"axis", "T"},
             {"bounds", "time_bnds"}});
    add_var(nc, "time_bnds", ncDouble, {d_time, d_nv}, {});
    for (const Product& product : kProducts) {
      NcVar v = add_var(nc, product.name, ncFloat, grid,
                        {{"long_name", product.long_name},
                         {"units", product.units},
                         {"cell_methods", product.cell_methods},
                         {"grid_mapping", "crs"},
                         {"coordinates", "lev lat lon"}});
      v.putAtt("_FillValue", ncFloat, kFill);
      v.setCompression(true, true, 4);
    }
    NcVar aqi = add_var(nc, "AQI", ncInt, grid,
                        {{"long_name", "daily air quality index (HJ 633-2012), lowest layer"},
                         {"units", "1"},
                         {"grid_mapping", "crs"},
                         {"coordinates", "lev lat lon"}});
    aqi.putAtt("_FillValue", ncInt, kAqiFill);
    aqi.setCompression(true, true, 4);

    nc.putAtt("Conventions", "CF-1.8");
    nc.putAtt("title", "kctm daily products");
    nc.putAtt("institution", text_attribute(in, "institution"));
    nc.putAtt("source", std::string("kctm ") + kVersion);
    nc.putAtt("history", format_iso8601(std::time(nullptr)) + " kctm post");
    nc.putAtt("references",
              "HJ 663-2013 (24-h means, MDA8, validity); HJ 633-2012 (AQI); GB 3095-2012");
    nc.putAtt("comment",
              "days are natural days in Beijing time (UTC+8); a day that fails a validity rule "
              "(a 24-h mean needs 20 hourly values, MDA8 14 valid 8-h means) is missing");
    nc.putAtt("kctm_version", kVersion);
    nc.putAtt(kRunIdAttribute, run_id);
  }

  /// Closes an unfinished file as it stands and removes it.
  void discard() {
    if (!nc_) return;
    try {
      nc_.reset();
    } catch (...) {  // closing a broken file may throw; the temporary is removed either way
    }
    std::error_code ec;
    fs::remove(temp_, ec);
  }

  Error failed(const exceptions::NcException& e) const {
    return Error(temp_, std::string("cannot write NetCDF: ") + e.what(), full_disk_hint(temp_));
  }

  std::string path_, temp_;
  std::size_t ny_, nx_;
  double per_unit_ = 0;
  UnixSeconds origin_ = 0;
  std::unique_ptr<NcFile> nc_;
};

std::string csv_value(double v) { return std::isnan(v) ? "" : fmt::format("{:.6g}", v); }

void write_stations_file(const std::string& path, const std::vector<StationCell>& stations,
                         const std::vector<std::vector<DailyReport>>& at_stations,
                         const std::string& run_id) {
  std::string csv = run_id_comment(run_id) + "\nstation,date";
  for (const Product& product : kProducts) csv += std::string(",") + product.csv;
  csv += ",AQI,category,primary\n";
  for (std::size_t s = 0; s < stations.size(); ++s) {
    for (const DailyReport& r : at_stations[s]) {
      csv += fmt::format("{},{:04d}-{:02d}-{:02d}", stations[s].station.code, r.date.year,
                         r.date.month, r.date.day);
      for (const Product& product : kProducts) {
        csv += "," + csv_value(r.concentrations.*product.value);
      }
      std::string primary;
      for (analysis::AqiIndicator ind : r.primary) {
        primary += (primary.empty() ? "" : " ") + std::string(analysis::indicator_name(ind));
      }
      csv += r.aqi
                 ? fmt::format(",{},{},{}\n", *r.aqi,
                               analysis::category_name_en(analysis::aqi_category(*r.aqi)), primary)
                 : ",,,\n";
    }
  }
  write_text_file(path, csv, "daily products at the stations");
}

}  // namespace

std::vector<analysis::Station> recorded_stations(const std::string& run_dir) {
  Config c;
  c.merge_text(recorded_config(run_dir), run_dir + ": kctm_config");
  const std::string file = c.get_path("source_apportionment.stations_file");
  if (file.empty()) return {};
  if (!fs::exists(file)) {
    spdlog::warn("post: the run's stations file {} is absent; no products at the stations", file);
    return {};
  }
  return analysis::read_stations(file);
}

DailyProductFiles write_daily_products(const std::string& run_dir, const std::string& out_dir,
                                       const std::vector<analysis::Station>& stations) {
  const std::string run_id = require_one_run(run_dir);
  const RunRecords records = read_records(run_dir);
  prepare_output_dir(out_dir, "--out");
  std::vector<StationCell> cells;
  {
    std::vector<double> lat(records.ny * records.nx), lon(lat.size());
    try {
      const NcFile nc(records.files.front(), NcFile::read);
      nc.getVar("lat").getVar(lat.data());
      nc.getVar("lon").getVar(lon.data());
    } catch (const exceptions::NcException& e) {
      throw Error(records.files.front(), std::string("cannot read lat and lon: ") + e.what());
    }
    cells = station_cells(lat, lon, static_cast<int>(records.nx), stations);
  }
  DailyProductFiles out;
  out.grid = (fs::path(out_dir) / "kctm_daily.nc").string();
  DailyGridFile grid(out.grid, records, run_id);
  std::vector<std::vector<DailyReport>> at_stations(cells.size());
  for (const auto& [day, day_records] : records.by_day) {
    const DayProducts products = day_products(records, day, cells, at_stations);
    grid.write(static_cast<std::size_t>(out.days++), day, products);
    out.complete_days += products.any_aqi ? 1 : 0;
  }
  grid.finish();
  if (!cells.empty()) {
    out.stations = (fs::path(out_dir) / "kctm_daily_stations.csv").string();
    write_stations_file(out.stations, cells, at_stations, run_id);
  }
  return out;
}

}  // namespace kctm
