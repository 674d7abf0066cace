#include "run/progress.hpp"

#include <spdlog/spdlog.h>

#include <cmath>
#include <cstdio>

namespace kctm {

Progress::Progress(UnixSeconds start, double total_s, double interval_s, double cells,
                   int zone_offset_s)
    : start_(start),
      total_s_(total_s),
      interval_s_(interval_s),
      cells_(cells),
      zone_offset_s_(zone_offset_s),
      wall_start_(Clock::now()),
      last_report_(wall_start_) {}

double Progress::wall_s() const {
  return std::chrono::duration<double>(Clock::now() - wall_start_).count();
}

std::string human_duration(double seconds) {
  char buf[64];
  if (seconds < 60) {
    std::snprintf(buf, sizeof buf, "%.1f s", seconds);
  } else if (seconds < 3600) {
    std::snprintf(buf, sizeof buf, "%d min %02d s", static_cast<int>(seconds / 60),
                  static_cast<int>(std::fmod(seconds, 60)));
  } else {
    std::snprintf(buf, sizeof buf, "%d h %02d min", static_cast<int>(seconds / 3600),
                  static_cast<int>(std::fmod(seconds, 3600) / 60));
  }
  return buf;
}

void Progress::update(UnixSeconds now, long steps_done) {
  const auto t = Clock::now();
  const double done_s = static_cast<double>(now - start_);
  const bool finished = done_s >= total_s_;
  if (!finished && std::chrono::duration<double>(t - last_report_).count() < interval_s_) return;
  last_report_ = t;
  const double wall = wall_s();
  const double speed = wall > 0 ? done_s / wall : 0;  // simulated seconds per wall second
  const double eta = speed > 0 ? (total_s_ - done_s) / speed : 0;
  const double throughput = wall > 0 ? cells_ * static_cast<double>(steps_done) / wall : 0;
  spdlog::info("{} | {:5.1f} % | wall {} | {:.0f}x real time | {:.2f} M cell-steps/s | ETA {}",
               format_iso8601(now, zone_offset_s_), 100.0 * done_s / total_s_, human_duration(wall),
               speed, throughput / 1e6, human_duration(eta));
}

}  // namespace kctm
