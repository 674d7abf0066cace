#include "io/output_dir.hpp"

#include <filesystem>
#include <fstream>
#include <map>

#include "base/error.hpp"

namespace kctm {

namespace fs = std::filesystem;

void prepare_output_dir(const std::string& dir, const std::string& key_where) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) {
    throw Error(key_where, "cannot create the output folder '" + dir + "'",
                ec ? ec.message() : "a file of that name exists");
  }
  const fs::path probe = fs::path(dir) / ".kctm-write-probe";
  {
    std::ofstream out(probe);
    if (!out || !(out << "probe") || !out.flush()) {
      throw Error(key_where, "cannot write in the output folder '" + dir + "'",
                  "check permissions");
    }
  }
  fs::remove(probe, ec);
}

void require_distinct_folders(const std::vector<std::string>& dirs) {
  std::map<std::string, std::string> seen;  // canonical path -> as given
  for (const std::string& dir : dirs) {
    std::error_code ec;
    const std::string key = std::filesystem::weakly_canonical(dir, ec).string();
    const auto [at, added] = seen.emplace(ec ? dir : key, dir);
    if (!added) throw Error(dir, "given twice (also as " + at->second + ")", "give each run once");
  }
}

}  // namespace kctm
