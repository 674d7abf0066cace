#pragma once
// Helpers shared by the tests.
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "base/error.hpp"
#include "config/config.hpp"

namespace kctm::test {

/// Path of a file under ../shared/data, or "" when the shared data are not here.
inline std::string shared_data(const std::string& relative) {
  const std::filesystem::path p = std::filesystem::path(KCTM_SHARED_DATA) / relative;
  return std::filesystem::exists(p) ? p.string() : std::string();
}

/// A fresh, empty temporary folder for one test.
inline std::string temp_dir(const std::string& name) {
  const auto p = std::filesystem::temp_directory_path() /
                 ("kctm-test-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(p);
  std::filesystem::create_directories(p);
  return p.string();
}

/// A configuration from "key=value" settings, as given on the command line.
inline Config config_with(const std::vector<std::string>& settings) {
  Config c;
  for (const std::string& s : settings) c.set(s);
  return c;
}

/// The message of the kctm::Error that f() throws, or "no error".
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace kctm::test
