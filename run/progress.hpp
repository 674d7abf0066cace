#pragma once
// Progress lines for long runs: simulated time, wall time, speed, throughput and an ETA.
#include <chrono>
#include <string>

#include "base/civil_time.hpp"

namespace kctm {

class Progress {
 public:
  /// `cells` is the number of grid cells × fields advanced per step (for the throughput figure).
  Progress(UnixSeconds start, double total_s, double interval_s, double cells, int zone_offset_s);
  /// Reports when `interval_s` of wall time passed since the last line, or at the end.
  void update(UnixSeconds now, long steps_done);
  double wall_s() const;

 private:
  using Clock = std::chrono::steady_clock;
  UnixSeconds start_;
  double total_s_, interval_s_, cells_;
  int zone_offset_s_;
  Clock::time_point wall_start_, last_report_;
};

/// "1 h 02 min", "45 s": a duration for people.
std::string human_duration(double seconds);

}  // namespace kctm
