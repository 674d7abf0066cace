#pragma once
// What the driver asks of any meteorology: the fields at a time, and how often they change.
#include "base/civil_time.hpp"
#include "meteo/meteo_snapshot.hpp"

namespace kctm {

class MeteoSource {
 public:
  virtual ~MeteoSource() = default;
  /// The fields valid at time t on the run's subdomain.
  virtual MeteoSnapshot at(UnixSeconds t) const = 0;
  /// How long one snapshot holds [s]: the driver asks for a new one at this interval, valid at its
  /// middle.
  virtual double update_interval_s() const = 0;
  /// Throws kctm::Error naming the input when it does not cover [from, to]: a run checks its
  /// whole period before its first step. Sources that hold any time need not override it.
  virtual void require_period(UnixSeconds from, UnixSeconds to) const {
    static_cast<void>(from);
    static_cast<void>(to);
  }
};

}  // namespace kctm
