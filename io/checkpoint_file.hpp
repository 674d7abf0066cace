#pragma once
// A run's checkpoint in one HDF5 file: named arrays of doubles and named texts, with the run's
// identity. Written under a temporary name, flushed to disk and renamed, so a crash leaves the
// previous checkpoint whole; every array carries a Fletcher-32 checksum that the reader verifies,
// and the whole file is read and checked before any of it is used.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "base/civil_time.hpp"

namespace kctm {

/// What a checkpoint must match to continue a run: the same grid (with halo), fields, start and
/// step. A restart may run longer (time.hours) or write elsewhere.
struct CheckpointIdentity {
  int nx = 0, ny = 0, nz = 0, halo = 0;
  std::vector<std::string> fields;
  UnixSeconds start = 0;
  double step_s = 0;
  /// The grid's definition beyond its counts, item by item ("dx_m", "level_interface_m[3]"...):
  /// every item must be equal, bit for bit.
  std::vector<std::pair<std::string, double>> grid;
};

struct Checkpoint {
  CheckpointIdentity identity;
  std::string run_id;    ///< the run it continues (io/run_id.hpp)
  UnixSeconds time = 0;  ///< the model time the state holds
  long step = 0;         ///< steps done since start
  std::map<std::string, std::vector<double>> arrays;
  std::map<std::string, std::string> texts;

  /// The array `name`, which must hold `size` values; throws kctm::Error naming `path` otherwise.
  const std::vector<double>& array(const std::string& path, const std::string& name,
                                   std::size_t size) const;
  /// The text `name` ("" when absent).
  std::string text(const std::string& name) const;
};

/// Writes `c` to `path` atomically (path + ".partial", fsync, rename); throws kctm::Error.
void write_checkpoint(const std::string& path, const Checkpoint& c);

/// Keeps HDF5 from closing its files when the process exits. Call first thing in main: after a
/// write failed (a full disk), HDF5 cannot close that file, and its clean-up at exit would crash;
/// every file kctm opens is closed by kctm itself.
void keep_hdf5_files_at_exit();

/// The run id of the checkpoint at `path`, read without its arrays; throws kctm::Error like
/// read_checkpoint when it is not a checkpoint of this kctm's format.
std::string checkpoint_run_id(const std::string& path);

/// What a checkpoint is read for: to continue its run (the whole identity must match), or as the
/// initial state of another run (the grid and fields must match; start and step may differ).
enum class CheckpointUse { kContinue, kInitialState };

/// Reads and verifies the checkpoint at `path` against `expected`, as far as `use` needs; throws
/// kctm::Error with a one-line reason (not a kctm checkpoint, corrupt, or made by a different
/// run) before returning anything.
Checkpoint read_checkpoint(const std::string& path, const CheckpointIdentity& expected,
                           CheckpointUse use = CheckpointUse::kContinue);

}  // namespace kctm
