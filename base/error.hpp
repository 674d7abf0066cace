#pragma once
// The one error type for user-facing failures: thrown on the host, caught once in main, printed as
// "kctm: error: <where>: <what> (<hint>)".
#include <stdexcept>
#include <string>

namespace kctm {

class Error : public std::runtime_error {
 public:
  /// `where` names the file and key (or line); `hint` says what would be right.
  Error(const std::string& where, const std::string& what, const std::string& hint = {})
      : std::runtime_error(where + ": " + what + (hint.empty() ? "" : " (" + hint + ")")) {}
};

}  // namespace kctm
