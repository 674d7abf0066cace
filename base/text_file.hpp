#pragma once
// Whole text files in and out: read with an error naming the file, written under a temporary
// name and renamed, so a failed write never leaves a partial file; and what every writer says when
// a write fails on a full disk.
#include <string>

namespace kctm {

/// The file's text; throws kctm::Error "<path>: cannot read the <what>".
std::string read_text_file(const std::string& path, const std::string& what);

/// Writes `text` to path + ".partial", then renames it to `path`; throws kctm::Error
/// "<path>: cannot write the <what>" (and removes the temporary file) when it fails.
void write_text_file(const std::string& path, const std::string& text, const std::string& what);

/// "no space left on the device: N kB free" when the device holding `path`'s folder has run out
/// (below 16 MiB), else "": the hint of a failed write, since NetCDF and HDF5 report a full disk
/// only as their own errors.
std::string full_disk_hint(const std::string& path);

}  // namespace kctm
