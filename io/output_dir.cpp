#include "io/output_dir.hpp"

#include <filesystem>
#include <fstream>

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

}  // namespace kctm
