#include "io/output_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "base/error.hpp"

namespace kctm {

namespace {

/// The holder's line from the lock file open as `fd` (at most one line of 1 KiB).
std::string read_holder(int fd) {
  char buf[1024];
  const ssize_t n = ::pread(fd, buf, sizeof buf, 0);
  std::string text(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  text = text.substr(0, text.find('\n'));
  // A holder that has just taken the lock may not have written its line yet.
  return text.empty() ? "a run that is starting" : text;
}

}  // namespace

std::string lock_path(const std::string& dir) {
  return (std::filesystem::path(dir) / ".kctm.lock").string();
}

std::string lock_holder(const std::string& run_id) {
  char host[HOST_NAME_MAX + 1] = {};
  if (::gethostname(host, sizeof host - 1) != 0) std::strcpy(host, "?");
  const std::time_t now = std::time(nullptr);
  char started[32];
  std::strftime(started, sizeof started, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  return "run " + run_id + ", pid " + std::to_string(::getpid()) + " on " + host + ", started " +
         started;
}

OutputLock::OutputLock(const std::string& dir, const std::string& holder) {
  const std::string path = lock_path(dir);
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    throw Error(path, std::string("cannot open the output folder's lock: ") + std::strerror(errno),
                "check permissions");
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    const std::string held = err == EWOULDBLOCK ? read_holder(fd_) : std::string();
    ::close(fd_);
    if (err != EWOULDBLOCK) {
      throw Error(path, std::string("cannot lock the output folder: ") + std::strerror(err));
    }
    throw Error(dir, "the output folder is in use by " + held,
                "wait for that run to end, or choose another output folder");
  }
  const std::string line = holder + "\n";
  if (::ftruncate(fd_, 0) != 0 ||
      ::pwrite(fd_, line.data(), line.size(), 0) != static_cast<ssize_t>(line.size())) {
    ::close(fd_);
    throw Error(path, "cannot write the output folder's lock", "check permissions and space");
  }
}

OutputLock::~OutputLock() {
  if (fd_ < 0) return;
  // Emptied before it is let go: a line in an unlocked file would name a run long gone.
  [[maybe_unused]] const int emptied = ::ftruncate(fd_, 0);
  ::close(fd_);
}

}  // namespace kctm
