#include "io/station_extraction.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <netcdf>

#include "base/civil_time.hpp"
#include "base/constants.hpp"
#include "base/error.hpp"
#include "io/netcdf_time.hpp"
#include "io/output_dir.hpp"
#include "io/run_folder.hpp"

namespace kctm {

namespace fs = std::filesystem;

const std::array<PollutantVariable, 6> kPollutantVariables = {
    {{analysis::Pollutant::kPm25, "PM25", 1.0},
     {analysis::Pollutant::kPm10, "PM10", 1.0},
     {analysis::Pollutant::kSo2, "SO2", 1.0},
     {analysis::Pollutant::kNo2, "NO2", 1.0},
     {analysis::Pollutant::kO3, "O3", 1.0},
     {analysis::Pollutant::kCo, "CO", 1e-3}}};

namespace {

/// The cell (j, i) whose centre is nearest to (lon, lat), and its distance in cell widths.
void nearest_cell(const std::vector<double>& lat, const std::vector<double>& lon, int nx,
                  const analysis::Station& s, int& j, int& i, double& cells) {
  double best = 1e300;
  const double coslat = std::cos(s.lat_deg * constants::kDegToRad);
  for (std::size_t c = 0; c < lat.size(); ++c) {
    const double dx = (lon[c] - s.lon_deg) * coslat, dy = lat[c] - s.lat_deg;
    const double d2 = dx * dx + dy * dy;
    if (d2 < best) best = d2, j = static_cast<int>(c) / nx, i = static_cast<int>(c) % nx;
  }
  // One cell's width in degrees, from its neighbour.
  const std::size_t c = static_cast<std::size_t>(j) * nx + i, next = i + 1 < nx ? c + 1 : c - 1;
  const double width = std::hypot((lon[next] - lon[c]) * coslat, lat[next] - lat[c]);
  cells = std::sqrt(best) / width;
}

}  // namespace

std::vector<StationCell> station_cells(const std::vector<double>& lat,
                                       const std::vector<double>& lon, int nx,
                                       const std::vector<analysis::Station>& stations) {
  std::vector<StationCell> cells;
  for (const analysis::Station& s : stations) {
    int j = 0, i = 0;
    double widths = 0;
    nearest_cell(lat, lon, nx, s, j, i, widths);
    if (widths > 1.0) {
      spdlog::warn("station {} lies outside the model grid; left out", s.code);
      continue;
    }
    cells.push_back({s, static_cast<std::size_t>(j), static_cast<std::size_t>(i)});
  }
  return cells;
}

analysis::Observations model_at_stations(const std::string& run_dir,
                                         const std::vector<analysis::Station>& stations) {
  using namespace netCDF;
  analysis::Observations model;
  require_one_run(run_dir);
  std::vector<StationCell> cells;
  bool located = false;
  for (const std::string& path : day_files(run_dir, "kctm_conc")) {
    try {
      NcFile nc(path, NcFile::read);
      const std::size_t ny = nc.getDim("y").getSize(), nx = nc.getDim("x").getSize();
      std::vector<double> lat(ny * nx), lon(ny * nx);
      nc.getVar("lat").getVar(lat.data());
      nc.getVar("lon").getVar(lon.data());
      const std::vector<UnixSeconds> times = read_cf_times(nc, path);
      // One run's files share its grid: the stations' cells are the first file's.
      if (!located) cells = station_cells(lat, lon, static_cast<int>(nx), stations);
      located = true;
      for (const auto& [s, j, i] : cells) {
        for (const PollutantVariable& v : kPollutantVariables) {
          const NcVar var = nc.getVar(v.name);
          if (var.isNull()) continue;
          std::vector<float> series(times.size());
          var.getVar({0, 0, j, i}, {times.size(), 1, 1, 1}, series.data());
          auto& by_time = model[s.code][v.pollutant];
          for (std::size_t t = 0; t < times.size(); ++t) by_time[times[t]] = series[t] * v.factor;
        }
      }
    } catch (const exceptions::NcException& e) {
      throw Error(path, std::string("cannot read the model output: ") + e.what());
    }
  }
  return model;
}

analysis::Observations model_at_stations(const std::vector<std::string>& run_dirs,
                                         const std::vector<analysis::Station>& stations) {
  require_distinct_folders(run_dirs);
  analysis::Observations all;
  std::map<UnixSeconds, std::string> folder_of_hour;
  for (const std::string& dir : run_dirs) {
    for (auto& [station, by_pollutant] : model_at_stations(dir, stations)) {
      for (auto& [pollutant, series] : by_pollutant) {
        for (const auto& [t, value] : series) {
          const auto [at, added] = folder_of_hour.emplace(t, dir);
          if (!added && at->second != dir) {
            throw Error(dir,
                        "holds the hour ending " + format_iso8601(t, kBeijingUtcOffsetS) +
                            " that " + at->second + " holds too",
                        "give each hour's folder once");
          }
          all[station][pollutant][t] = value;
        }
      }
    }
  }
  return all;
}

}  // namespace kctm
