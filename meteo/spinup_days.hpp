#pragma once
// How many days of spin-up a run needs: enough that the air over the domain's centre when the
// output starts came in through the boundary after the spin-up began, so that none of it is the
// initial state's. The air's age in the domain is its back trajectory's time to the boundary.
// With the climatology's wind, uniform over the domain, one trajectory serves every cell; in
// stagnant weather it stays in the domain for days, on a windy day for hours.
#include <array>
#include <functional>

#include "base/civil_time.hpp"

namespace kctm {

/// The whole days of spin-up before `start` after which the back trajectory from the domain's
/// centre, in hourly steps of the wind `wind(t)` [(u, v), m s-1], has left the box of half-widths
/// `half_x_m` by `half_y_m` around it: at least `min_days`, and `max_days` where it is still
/// inside by then.
int spinup_days_to_clear(const std::function<std::array<double, 2>(UnixSeconds)>& wind,
                         UnixSeconds start, double half_x_m, double half_y_m, int min_days,
                         int max_days);

}  // namespace kctm
