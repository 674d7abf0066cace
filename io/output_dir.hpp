#pragma once
// The run's output folder, checked before anything is computed.
#include <string>

namespace kctm {

/// Checks that `dir` exists or can be created and that a file can be written in it.
void prepare_output_dir(const std::string& dir, const std::string& key_where);

}  // namespace kctm
