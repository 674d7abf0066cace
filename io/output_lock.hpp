#pragma once
// The lock that makes an output folder one run's for the run's life: flock(2) on the folder's
// .kctm.lock, which names its holder. The kernel lets go of the lock when the holding process
// ends, however it ends (a crash, kill -9), so no stale lock is ever left to clear by hand.
#include <string>

namespace kctm {

/// The lock file in an output folder.
std::string lock_path(const std::string& dir);

/// The line a run writes into the lock it holds: "run ID, pid P on HOST, started T".
std::string lock_holder(const std::string& run_id);

class OutputLock {
 public:
  /// Takes the lock of `dir` (an existing folder) and writes `holder` into it; throws kctm::Error
  /// naming the folder and the holder's line when another run holds it.
  OutputLock(const std::string& dir, const std::string& holder);
  /// Empties the lock file and lets go.
  ~OutputLock();
  OutputLock(const OutputLock&) = delete;
  OutputLock& operator=(const OutputLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace kctm
