#pragma once
// Whole text files in and out: read with an error naming the file, written under a temporary
// name and renamed, so a failed write never leaves a partial file.
#include <string>

namespace kctm {

/// The file's text; throws kctm::Error "<path>: cannot read the <what>".
std::string read_text_file(const std::string& path, const std::string& what);

/// Writes `text` to path + ".partial", then renames it to `path`; throws kctm::Error
/// "<path>: cannot write the <what>" (and removes the temporary file) when it fails.
void write_text_file(const std::string& path, const std::string& text, const std::string& what);

}  // namespace kctm
