#pragma once
// A quantity with a seasonal cycle, given as twelve monthly means (January to December): each
// value holds at the middle of its month, and the cycle is linear in time between the middles,
// across the new year too. A constant is twelve equal values.
#include <array>
#include <vector>

#include "base/civil_time.hpp"

namespace kctm {

struct MonthlyCycle {
  std::array<double, 12> month{};

  static MonthlyCycle constant(double value);
  /// Whether the months differ.
  bool varies() const;
  /// The largest monthly value.
  double max() const;
  /// The value at t (UTC calendar; 29 February reads as 28 February).
  double at(UnixSeconds t) const;
};

/// Each cycle's value at t.
std::vector<double> values_at(const std::vector<MonthlyCycle>& cycles, UnixSeconds t);
/// Each cycle's largest monthly value.
std::vector<double> maxima(const std::vector<MonthlyCycle>& cycles);

}  // namespace kctm
