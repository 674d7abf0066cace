// The state's soundness each hour: a value that is not finite, or negative where the transport is
// monotone, stops the run before it reaches an output file or a checkpoint.
#include <cmath>
#include <cstdio>
#include <string>

#include "base/error.hpp"
#include "kernels/field_faults.hpp"
#include "run/run.hpp"

namespace kctm {

namespace {

// Below this a negative mixing ratio is round-off of the positive schemes (monotone PPM, implicit
// diffusion, the chemistry's clipped solution) [kg kg-1]: 1e-18 kg kg-1 is ~1e-9 ppb of O3.
constexpr double kNegativeTolerance = 1e-18;

std::string format(const char* fmt, double a, double b = 0) {
  char buf[96];
  std::snprintf(buf, sizeof buf, fmt, a, b);
  return buf;
}

}  // namespace

void Run::check_state() const {
  const FieldFault local =
      first_fault(state.q, block.halo, config.transport_monotone, kNegativeTolerance);
  // The first fault over all ranks, by its global position (field, k, j, i), exact in a double.
  const long nx = block.global_nx, ny = block.global_ny, nz = domain.grid.nz();
  const long at = local.field < 0 ? -1
                                  : ((local.field * nz + local.k) * ny + block.j0 + local.j) * nx +
                                        block.i0 + local.i;
  const double first = -ranks.max(at < 0 ? -HUGE_VAL : -static_cast<double>(at));
  if (first == HUGE_VAL) return;
  const bool mine = at >= 0 && static_cast<double>(at) == first;
  const double value = ranks.sum(mine ? local.value : 0.0);
  const std::size_t cell = block_geometry.at(local.i + block.halo, local.j + block.halo);
  const double lon = ranks.sum(mine ? block_geometry.lon_deg[cell] : 0.0);
  const double lat = ranks.sum(mine ? block_geometry.lat_deg[cell] : 0.0);
  const long n = static_cast<long>(first);
  const long i = n % nx, j = n / nx % ny, k = n / nx / ny % nz;
  const int field = static_cast<int>(n / nx / ny / nz);
  const std::string cause =
      chemistry && field != fields.tracer
          ? "the chemistry, or the emissions, boundary air or meteorology that drive it"
          : "the transport, or the emissions or meteorology it carries";
  const std::string what =
      std::isfinite(value) ? " is negative, " + format("%.3g kg kg-1", value) : " is not finite";
  throw Error("state at " + format_iso8601(state.time, config.output.file_day_utc_offset_s),
              state.registry.field_name(field) + what + " in cell i=" + std::to_string(i) +
                  " j=" + std::to_string(j) + " k=" + std::to_string(k) +
                  format(" (%.2f E, %.2f N)", lon, lat),
              "probably " + cause +
                  " outside their valid range; the finished days and the last checkpoint are kept");
}

}  // namespace kctm
