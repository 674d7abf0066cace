#pragma once
// "Did you mean" hints for misspelt names.
#include <string>
#include <vector>

namespace kctm {

/// Levenshtein edit distance.
std::size_t edit_distance(const std::string& a, const std::string& b);

/// The candidate closest to `name`, or "" when none is within a third of its length (at least 2).
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

/// "did you mean 'x'?" or a list of the valid names when nothing is close.
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace kctm
