#pragma once
// The model state on the device: every field (bulk species and tags) in one view.
#include "base/civil_time.hpp"
#include "grids/subdomain.hpp"
#include "kernels/kokkos_types.hpp"
#include "state/field_registry.hpp"

namespace kctm {

/// Micrograms per kilogram: mixing ratios [kg kg-1] to [ug kg-1], and ρ q to [ug m-3].
constexpr double kUgPerKg = 1e9;

struct State {
  FieldRegistry registry;
  /// Mass mixing ratio (field, k, j, i) over the haloed subdomain [kg kg-1], of every field: gases,
  /// aerosols, tracers and tags (the chemistry converts to molecules cm-3 and back each step).
  View4D<double> q;
  /// The model's air density (k, j, i), haloed [kg m-3]: moved by transport with the same air-mass
  /// fluxes as q, so ρ q is the concentration and Σ ρ q V the mass of a field.
  View3D<double> air;
  UnixSeconds time;
};

/// A state of zeros for `registry`'s fields on `sub` with `nz` layers.
State make_state(FieldRegistry registry, const Subdomain& sub, int nz, UnixSeconds time);

}  // namespace kctm
