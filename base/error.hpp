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

 protected:
  struct Whole {};
  Error(Whole, const std::string& message) : std::runtime_error(message) {}
};

/// An error that every rank of an MPI run throws alike, at the same point (a check made on rank 0
/// and shared with all): main prints it once, from rank 0, and every rank ends normally.
class SharedError : public Error {
 public:
  /// `message`: the whole text of the error as rank 0 had it.
  explicit SharedError(const std::string& message) : Error(Whole{}, message) {}
};

}  // namespace kctm
