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

/// A NetCDF file's kctm_run_id attribute, "" when it has none.
std::string netcdf_run_id(const std::string& path) {
  int nc = -1;
  if (const int status = nc_open(path.c_str(), NC_NOWRITE, &nc); status != NC_NOERR) {
    throw Error(path, std::string("cannot read the run's file: ") + nc_strerror(status));
  }
  std::size_t length = 0;
  std::string id;
  if (nc_inq_attlen(nc, NC_GLOBAL, kRunIdAttribute, &length) == NC_NOERR) {
    id.resize(length);
    if (nc_get_att_text(nc, NC_GLOBAL, kRunIdAttribute, id.data()) != NC_NOERR) id.clear();
  }
  nc_close(nc);
  return id.substr(0, id.find('\0'));
}

/// "NAME (run ID)", or "NAME (no run id)".
std::string described(const std::string& name, const std::string& id) {
  return name + (id.empty() ? " (no run id)" : " (run " + id + ")");
}

}  // namespace

bool is_run_file(const std::string& name) {
  static const std::regex kRunFile(
      R"((kctm_(conc|sa)_\d{8}\.nc|kctm_sa_summary\.csv|kctm_(restart|final_state)\.h5|)"
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

std::string run_id_of(const std::string& path) {
  const std::string name = fs::path(path).filename().string();
  if (ends_with(name, ".csv")) return run_id_of_csv(read_text_file(path, "run's file"));
  if (ends_with(name, ".h5")) return checkpoint_run_id(path);
  return netcdf_run_id(path);
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
