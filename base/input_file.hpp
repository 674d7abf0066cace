#pragma once
// The check every input file passes before it is opened: it exists, is a regular file (links
// followed) and can be read; otherwise one kctm::Error naming it.
#include <string>

namespace kctm {

/// Throws kctm::Error unless `path` is a readable regular file. `what` names the kind of file
/// ("config file"); `where` is the key or option that gave the path, or empty when the path
/// itself is the place to name: "<where>: <what> not found: <path> (check the path)".
void require_input_file(const std::string& path, const std::string& what,
                        const std::string& where = {});

}  // namespace kctm
