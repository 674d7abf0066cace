#pragma once
// Orders the transport operators on the state for one model step and sub-steps the advection so the
// outflow Courant number stays below kMaxCourant in every cell.
#include <vector>

#include "kernels/transport_views.hpp"
#include "kernels/upwind_advection.hpp"
#include "model/state.hpp"

namespace kctm {

class Transport {
 public:
  /// `boundary_conc_kg_m3` is the inflow concentration of each field [kg m-3].
  Transport(DeviceGeometry geo, int n_fields, const std::vector<double>& boundary_conc_kg_m3);

  /// Vertical diffusion with emissions, then x and y advection; `reverse` runs them in the opposite
  /// order (alternate steps, for second-order splitting).
  void step(State& state, const DeviceMeteo& met, View4D<const double> emis_kg_s, double dt_s,
            bool reverse);

  /// Inflow and outflow through the lateral boundaries since construction, per field [kg].
  std::vector<double> boundary_mass_kg(int field) const;
  const DeviceGeometry& geometry() const { return geo_; }
  /// Advection sub-steps taken so far (a measure of how hard the winds pushed the time step).
  long substeps() const { return substeps_; }

 private:
  void advect(State& state, const DeviceMeteo& met, Axis axis, double dt_s);

  DeviceGeometry geo_;
  View4D<double> scratch_;  // the one state-sized buffer transport adds
  View1D<double> boundary_conc_kg_m3_;
  BoundaryBudget budget_;
  long substeps_ = 0;
};

}  // namespace kctm
