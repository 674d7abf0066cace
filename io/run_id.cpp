#include "io/run_id.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <climits>
#include <ctime>
#include <random>

namespace kctm {

namespace {

constexpr const char* kCsvPrefix = "# kctm_run_id: ";

/// The host's name, with anything but letters, digits, '.', '_' and '-' as '_' (an id is one word).
std::string host_name() {
  char buf[HOST_NAME_MAX + 1] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0 || buf[0] == '\0') return "host";
  std::string name(buf);
  for (char& ch : name) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '.' || ch == '_' || ch == '-';
    if (!ok) ch = '_';
  }
  return name;
}

}  // namespace

std::string new_run_id() {
  const std::time_t now = std::time(nullptr);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", std::gmtime(&now));
  // Time, host and pid already tell runs apart; the random digits cover a pid reused within
  // the same second (containers start their first process with the same pid), counted on from
  // there so that one process never makes the same id twice.
  static const unsigned random_start = std::random_device{}();
  static std::atomic<unsigned> made{0};
  return fmt::format("{}-{}-{}-{:04x}", stamp, host_name(), static_cast<long>(::getpid()),
                     (random_start + made++) & 0xffffu);
}

std::string run_id_comment(const std::string& id) { return kCsvPrefix + id; }

std::string run_id_of_csv(const std::string& text) {
  const std::string prefix = kCsvPrefix;
  if (text.compare(0, prefix.size(), prefix) != 0) return {};
  const std::size_t end = text.find_first_of("\r\n", prefix.size());
  return text.substr(prefix.size(),
                     end == std::string::npos ? std::string::npos : end - prefix.size());
}

}  // namespace kctm
