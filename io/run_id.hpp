#pragma once
// A run's identity: made when a run starts, carried on by its restarts, and written into every
// file the run writes (a NetCDF global attribute, a CSV comment line before the header, the
// checkpoint), so that a folder's files can be told to be one run's.
#include <string>

namespace kctm {

/// The NetCDF global attribute naming the run that wrote a file.
inline constexpr const char* kRunIdAttribute = "kctm_run_id";

/// A new run's identity: its UTC start, host, process id and four random hex digits, e.g.
/// "20190101T120304Z-node17-4242-9f3a".
std::string new_run_id();

/// The comment line a CSV file of the run begins with, before its header: "# kctm_run_id: ID".
std::string run_id_comment(const std::string& id);

/// The run named by a CSV text's first line, when that is run_id_comment's; "" otherwise.
std::string run_id_of_csv(const std::string& text);

}  // namespace kctm
