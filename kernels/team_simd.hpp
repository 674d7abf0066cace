#pragma once
// Loops over the cells of a grid line inside a team kernel that vectorise on every backend: on a
// GPU the team's threads and vector lanes share the cells; on a CPU the team is one thread and the
// loop is an OpenMP SIMD loop (the stages of a line kernel are independent per cell, which is
// what `omp simd` asserts).
// The per-backend choices (team size, device pass, SIMD pragma, prefetch): backend_traits.hpp.
#include <cstddef>

#include "kernels/backend_traits.hpp"
#include "kernels/kokkos_types.hpp"

namespace kctm {

using TeamPolicy = Kokkos::TeamPolicy<ExecSpace>;
using TeamMember = TeamPolicy::member_type;

/// A policy of `league` teams of Backend::team_size threads: one each on the host, the backend's
/// choice on a device.
inline TeamPolicy team_policy(int league) { return TeamPolicy(league, Backend::team_size); }

/// body(c) for c in [begin, end), then the team is synchronised (a stage of a line kernel).
template <class Body>
KOKKOS_FORCEINLINE_FUNCTION void each_cell(const TeamMember& team, int begin, int end,
                                           const Body& body) {
#if KCTM_DEVICE_PASS
  Kokkos::parallel_for(Kokkos::TeamVectorRange(team, begin, end), body);
  team.team_barrier();
#else
  (void)team;
  KCTM_SIMD
  for (int c = begin; c < end; ++c) body(c);
#endif
}

/// body(row, w) for rows [begin, end) and lanes w in [0, lanes), then the team is synchronised:
/// a stage over lines side by side. On a CPU each row is one SIMD loop over its lanes (contiguous
/// loads and stores where a row of the grid is contiguous); on a GPU the team shares all pairs.
template <class Body>
KOKKOS_FORCEINLINE_FUNCTION void each_row_lane(const TeamMember& team, int begin, int end,
                                               int lanes, const Body& body) {
#if KCTM_DEVICE_PASS
  Kokkos::parallel_for(Kokkos::TeamVectorRange(team, (end - begin) * lanes),
                       [&](int p) { body(begin + p / lanes, p % lanes); });
  team.team_barrier();
#else
  (void)team;
  for (int row = begin; row < end; ++row) {
    KCTM_SIMD
    for (int w = 0; w < lanes; ++w) body(row, w);
  }
#endif
}

/// Asks the CPU to start loading `count` values at `stride` from p, which a team will sweep next,
/// so that their latency overlaps the current line's arithmetic (the line kernels otherwise stall
/// on their first loads). A hint only: nothing on a GPU, whose warps hide latency themselves.
KOKKOS_FORCEINLINE_FUNCTION void prefetch_line(const double* p, int count, std::ptrdiff_t stride) {
#if KCTM_HAS_PREFETCH
  if constexpr (Backend::prefetch_lines) {
    constexpr int kPerCacheLine = 64 / sizeof(double);
    const int step = stride == 1 ? kPerCacheLine : 1;
    for (int c = 0; c < count; c += step) __builtin_prefetch(p + c * stride);
  } else {
    (void)p, (void)count, (void)stride;
  }
#else
  (void)p, (void)count, (void)stride;
#endif
}

}  // namespace kctm
