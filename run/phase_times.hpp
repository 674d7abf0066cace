#pragma once
// Where a run's wall time goes: each phase of the step (docs/ARCHITECTURE.md, "One step") timed
// with a fence before and after, so that device work is charged to the phase that launched it.
#include <array>
#include <string>
#include <utility>

#include "kernels/fenced_time.hpp"

namespace kctm {

enum StepPhase : int {
  kPhaseInputs,      ///< the step's meteorology and the hour's emissions, made and uploaded
  kPhaseVertical,    ///< emissions, vertical diffusion and dry deposition
  kPhaseAdvectX,     ///< advection along x, the boundary inflow and the sub-step count
  kPhaseAdvectY,     ///< advection along y, likewise
  kPhaseAdvectZ,     ///< vertical advection
  kPhaseDiffusion,   ///< horizontal diffusion
  kPhaseHalo,        ///< halo exchange between ranks
  kPhaseChemistry,   ///< the chemistry solver
  kPhaseTags,        ///< the source-apportionment tags' kernels
  kPhaseWet,         ///< wet scavenging
  kPhaseOutput,      ///< the state's check and the hourly output
  kPhaseCheckpoint,  ///< checkpoints
  kPhaseCount
};

struct PhaseTimes {
  std::array<double, kPhaseCount> s{};  ///< wall time per phase [s]

  /// Runs f() and adds its fenced wall time to phase p.
  template <class F>
  void time(StepPhase p, F&& f) {
    s[p] += fenced_seconds(std::forward<F>(f));
  }
  double operator[](StepPhase p) const { return s[p]; }
  /// The transport's phases together (vertical, advection, diffusion, halo) [s].
  double transport() const;
  double total() const;
  static const char* name(StepPhase p);
  /// One line per phase with its seconds and its share of `loop_wall_s`, then what no phase
  /// holds (logging, progress, reductions).
  std::string table(double loop_wall_s) const;
};

}  // namespace kctm
