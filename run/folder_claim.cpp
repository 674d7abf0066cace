#include "run/folder_claim.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "base/error.hpp"
#include "io/checkpoint_file.hpp"
#include "io/output_dir.hpp"
#include "io/run_folder.hpp"
#include "io/run_id.hpp"
#include "run/run_checkpoint.hpp"

namespace kctm {

namespace {

bool is_partial(const std::string& name) {
  const std::string end = ".partial";
  return name.size() >= end.size() && name.compare(name.size() - end.size(), end.size(), end) == 0;
}

/// "NAME" or "NAME and N more".
std::string first_of(const std::vector<std::string>& names) {
  return names.front() +
         (names.size() > 1 ? " and " + std::to_string(names.size() - 1) + " more" : "");
}

/// A restart continues its checkpoint's run: the folder may hold that run's files only (its
/// unfinished .partial files are replaced as the run goes on).
void require_own_files(const std::string& dir, const std::vector<std::string>& names,
                       const std::string& run_id) {
  for (const std::string& name : names) {
    if (is_partial(name)) continue;
    const std::string id = run_id_of((std::filesystem::path(dir) / name).string());
    if (id != run_id) {
      throw Error(dir,
                  "holds another run's files (" + name + ": " + (id.empty() ? "no run id" : id) +
                      ") than the checkpoint's run " + run_id,
                  "restart into the checkpoint's own folder, or an empty one");
    }
  }
}

FolderClaim claim_on_root(const RunConfig& c) {
  const std::string& dir = c.output.dir;
  prepare_output_dir(dir, c.output.dir_where);
  const bool restart = !c.restart_file.empty();
  FolderClaim claim;
  claim.run_id = restart ? checkpoint_run_id(c.restart_file) : new_run_id();
  claim.lock = std::make_unique<OutputLock>(dir, lock_holder(claim.run_id));
  const std::vector<std::string> earlier = run_files(dir);
  if (restart) {
    require_own_files(dir, earlier, claim.run_id);
  } else if (!earlier.empty()) {
    if (!c.overwrite) {
      const bool stopped =
          std::find(earlier.begin(), earlier.end(), "kctm_restart.h5") != earlier.end();
      throw Error(dir, "holds an earlier run's files (" + first_of(earlier) + ")",
                  (stopped ? "continue it with --restart " + checkpoint_path(dir) + ", or " : "") +
                      "rerun with --overwrite to replace them, or choose another output folder");
    }
    spdlog::info("removed the {} files of an earlier run from {}", remove_run_files(dir), dir);
  }
  spdlog::info("run {} into {}", claim.run_id, dir);
  return claim;
}

}  // namespace

FolderClaim claim_output_folder(const RunConfig& c, const Decomposition& ranks) {
  if (ranks.size() == 1) return claim_on_root(c);
  FolderClaim claim;
  std::string failure;  // rank 0's error, "" when it claimed the folder
  if (ranks.root()) {
    try {
      claim = claim_on_root(c);
    } catch (const Error& e) {
      failure = e.what();
    } catch (const std::exception& e) {
      failure = std::string("unexpected: ") + e.what();
    }
  }
  failure = ranks.broadcast(failure);
  if (!failure.empty()) throw SharedError(failure);
  claim.run_id = ranks.broadcast(claim.run_id);
  return claim;
}

}  // namespace kctm
