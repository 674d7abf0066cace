#include "run/phase_times.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

namespace kctm {

double PhaseTimes::transport() const {
  return s[kPhaseVertical] + s[kPhaseAdvectX] + s[kPhaseAdvectY] + s[kPhaseAdvectZ] +
         s[kPhaseDiffusion] + s[kPhaseHalo];
}

double PhaseTimes::total() const { return std::accumulate(s.begin(), s.end(), 0.0); }

const char* PhaseTimes::name(StepPhase p) {
  static const char* const kNames[kPhaseCount] = {"inputs (meteorology, emissions)",
                                                  "emissions + vertical diffusion",
                                                  "advection x",
                                                  "advection y",
                                                  "advection z",
                                                  "horizontal diffusion",
                                                  "halo exchange",
                                                  "chemistry",
                                                  "source-apportionment tags",
                                                  "wet scavenging",
                                                  "check + hourly output",
                                                  "checkpoints"};
  return kNames[p];
}

std::string PhaseTimes::table(double loop_wall_s) const {
  const double whole = std::max(loop_wall_s, 1e-30);
  std::string out;
  for (int p = 0; p < kPhaseCount; ++p) {
    out += fmt::format("  {:<32} {:9.2f} s {:5.1f} %\n", name(static_cast<StepPhase>(p)), s[p],
                       100 * s[p] / whole);
  }
  const double rest = loop_wall_s - total();
  out += fmt::format("  {:<32} {:9.2f} s {:5.1f} %\n", "other (progress, reductions)", rest,
                     100 * rest / whole);
  return out;
}

}  // namespace kctm
