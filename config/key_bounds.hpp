#pragma once
// The range of every numeric config key: a physical limit, or the limit of what a
// parameterisation was built for, each with its reason. A value outside is refused at set-up, so
// that no setting can drive a run into non-finite or negative concentrations.
#include <string>
#include <vector>

namespace kctm {

struct KeyBound {
  const char* key;  ///< a dotted key; "section.*" covers every key of a section
  double lo, hi;    ///< inclusive
  const char* why;  ///< the reason, shown when a value is refused
};

/// The table (config/key_bounds.cpp).
const std::vector<KeyBound>& key_bounds();

/// The bound of `key`; throws kctm::Error for a key without one (a key added without its range).
const KeyBound& key_bound(const std::string& key);

/// Throws kctm::Error, naming `where`, the range and its reason, when `value` lies outside the
/// bound of `key`.
void check_bound(const std::string& key, double value, const std::string& where);
/// The same for an integer key, shown whole.
void check_bound(const std::string& key, long value, const std::string& where);

/// Throws kctm::Error naming `where` when `value` lies outside [lo, hi]: "out of range (must lie
/// in [lo, hi]: why; got value)", `why` left out when empty.
void check_range(const std::string& where, double value, double lo, double hi,
                 const std::string& why = "");

/// A number as error messages show it (printf's %g: 1e+40, 0.5, 20).
std::string short_number(double v);

}  // namespace kctm
