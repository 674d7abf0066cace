#include "io/run_folder.hpp"

#include <netcdf.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "base/error.hpp"
#include "base/text_file.hpp"
#include "io/checkpoint_file.hpp"
#include "io/run_id.hpp"

namespace kctm {

namespace fs = std::filesystem;

namespace {

constexpr const char* kPartial = ".partial";

bool ends_with(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

/// A NetCDF file's global text attribute `name`, "" when it has none.
std::string netcdf_text_attribute(const std::string& path, const char* name) {
  int nc = -1;
  if (const int status = nc_open(path.c_str(), NC_NOWRITE, &nc); status != NC_NOERR) {
    throw Error(path, std::string("cannot read the run's file: ") + nc_strerror(status));
  }
  std::size_t length = 0;
  std::string text;
  if (nc_inq_attlen(nc, NC_GLOBAL, name, &length) == NC_NOERR) {
    text.resize(length);
    if (nc_get_att_text(nc, NC_GLOBAL, name, text.data()) != NC_NOERR) text.clear();
  }
  nc_close(nc);
  return text.substr(0, text.find('\0'));
}

/// "NAME (run ID)", or "NAME (no run id)".
std::string described(const std::string& name, const std::string& id) {
  return name + (id.empty() ? " (no run id)" : " (run " + id + ")");
}

}  // namespace

bool is_run_file(const std::string& name) {
  static const std::regex kRunFile(
      R"((kctm_(conc|sa)_\d{8}\.nc|kctm_sa_summary\.csv|kctm_(restart|final_state)\.h5|)"
      R"(kctm_daily\.nc|kctm_daily_stations\.csv|)"
      R"(kctm_restart\.\d{8}T\d{6}\.kctm_(conc|sa)_\d{8}\.nc)(\.partial)?)");
  return std::regex_match(name, kRunFile);
}

std::vector<std::string> run_files(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    const std::string name = e.path().filename().string();
    if (is_run_file(name)) names.push_back(name);
  }
  if (ec) throw Error(dir, "cannot read the run folder: " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> finished_day_files(const std::string& dir, const std::string& prefix) {
  const std::regex day_file(prefix + R"(_\d{8}\.nc)");
  std::vector<std::string> paths;
  for (const std::string& name : run_files(dir)) {
    if (std::regex_match(name, day_file)) paths.push_back((fs::path(dir) / name).string());
  }
  return paths;
}

std::vector<std::string> day_files(const std::string& dir, const std::string& prefix) {
  std::vector<std::string> paths = finished_day_files(dir, prefix);
  if (paths.empty()) throw Error(dir, "no " + prefix + "_*.nc output in the run folder");
  return paths;
}

std::string recorded_config(const std::string& dir) {
  const std::string first = day_files(dir, "kctm_conc").front();
  std::string yaml = netcdf_text_attribute(first, "kctm_config");
  if (yaml.empty()) throw Error(first, "no recorded kctm_config", "not written by kctm run");
  return yaml;
}

std::string run_id_of(const std::string& path) {
  const std::string name = fs::path(path).filename().string();
  if (ends_with(name, ".csv")) return run_id_of_csv(read_text_file(path, "run's file"));
  if (ends_with(name, ".h5")) return checkpoint_run_id(path);
  return netcdf_text_attribute(path, kRunIdAttribute);
}

std::string require_one_run(const std::string& dir) {
  std::string first, first_id;
  for (const std::string& name : run_files(dir)) {
    if (ends_with(name, kPartial)) continue;  // unfinished: no reader takes it
    const std::string id = run_id_of((fs::path(dir) / name).string());
    if (id.empty()) {
      throw Error(
          dir, described(name, id) + (first.empty() ? "" : " beside " + described(first, first_id)),
          "written before kctm recorded its runs, or not by kctm: rerun into an empty "
          "folder");
    }
    if (first.empty()) {
      first = name, first_id = id;
    } else if (id != first_id) {
      throw Error(
          dir, "files of two runs: " + described(first, first_id) + " and " + described(name, id),
          "give each run its own folder; kctm run --overwrite replaces a folder's run");
    }
  }
  return first_id;
}

int remove_run_files(const std::string& dir) {
  int removed = 0;
  for (const std::string& name : run_files(dir)) {
    std::error_code ec;
    if (!fs::remove(fs::path(dir) / name, ec) || ec) {
      throw Error((fs::path(dir) / name).string(),
                  "cannot remove the earlier run's file: " + ec.message());
    }
    ++removed;
  }
  return removed;
}

}  // namespace kctm
