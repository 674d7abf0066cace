#include "base/input_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/error.hpp"

namespace kctm {

void require_input_file(const std::string& path, const std::string& what,
                        const std::string& where) {
  namespace fs = std::filesystem;
  const std::string place = where.empty() ? path : where;
  // The path is named in the message when the place is a key or option.
  const std::string subject = where.empty() ? "" : path + " ";
  const std::string object = where.empty() ? "" : " " + path;
  std::error_code ec;
  const fs::file_status s = fs::status(path, ec);
  if (s.type() == fs::file_type::not_found) {
    throw Error(place, what + " not found" + (where.empty() ? "" : ": " + path), "check the path");
  }
  if (ec) throw Error(place, "cannot reach the " + what + object + ": " + ec.message());
  if (fs::is_directory(s)) {
    throw Error(place, subject + "is a folder, not a file", "give the " + what);
  }
  if (!fs::is_regular_file(s)) {
    throw Error(place, subject + "is not a regular file", "give the " + what);
  }
  if (::access(path.c_str(), R_OK) != 0) {
    throw Error(place, "cannot read the " + what + object + ": " + std::strerror(errno));
  }
}

}  // namespace kctm
