#pragma once
// A run's hold on its output folder, taken at set-up before anything is computed or written: the
// folder made and locked for the run's life (rank 0 writes every file, so rank 0 holds the lock),
// the run's id (new, or a restart's checkpoint's), and the folder's earlier files checked so that
// it never mixes two runs: a fresh run finds none there (or, with RunConfig::overwrite, removes
// them), a restart finds only its own run's.
#include <memory>
#include <string>

#include "config/run_config.hpp"
#include "io/output_lock.hpp"
#include "parallel/decomposition.hpp"

namespace kctm {

struct FolderClaim {
  std::unique_ptr<OutputLock> lock;  ///< rank 0's; null on the other ranks
  std::string run_id;                ///< the run's, on every rank (io/run_id.hpp)
};

/// Claims c.output.dir for this run (the checks on rank 0). Every rank gets the claim, or every
/// rank throws the same kctm::SharedError (the folder named, and the lock's holder or the files
/// found there), so that none waits for another.
FolderClaim claim_output_folder(const RunConfig& c, const Decomposition& ranks);

}  // namespace kctm
