#pragma once
// The run's output folder, checked before anything is computed; runs' folders read together.
#include <string>
#include <vector>

namespace kctm {

/// Checks that `dir` exists or can be created and that a file can be written in it.
void prepare_output_dir(const std::string& dir, const std::string& key_where);

/// Throws kctm::Error naming a folder that `dirs` hold twice (under any spelling of its path):
/// runs read together (a sampled year) must each count once.
void require_distinct_folders(const std::vector<std::string>& dirs);

}  // namespace kctm
