#pragma once
// Orders the transport operators on the state for one model step and sub-steps the advection so the
// outflow Courant number stays below kMaxCourant in every cell.
#include <vector>

#include "deposition/wet_scavenging.hpp"
#include "io/checkpoint_file.hpp"
#include "kernels/horizontal_advection.hpp"
#include "kernels/horizontal_diffusion.hpp"
#include "kernels/transport_views.hpp"
#include "kernels/vertical_diffusion.hpp"
#include "parallel/decomposition.hpp"
#include "run/phase_times.hpp"
#include "state/state.hpp"

namespace kctm {

class Transport {
 public:
  /// `inflow_q` is the mass mixing ratio of the air flowing in (field, k), row-major [kg kg-1]
  /// (set_boundary); `kh_m2_s` the horizontal diffusivity (0: none); `monotone` false
  /// advects with the unlimited, linear PPM (ppm::LineStages).
  /// With `ranks`, geo is this rank's block: halos come from the neighbouring blocks and every
  /// rank takes the same number of sub-steps (the largest Courant number over all blocks).
  /// The fields in `staying` (staying_fields: the short-lived radicals) are not moved: no
  /// advection, diffusion, emission or dry deposition; wet scavenging takes every field.
  Transport(DeviceGeometry geo, int n_fields, const std::vector<double>& inflow_q,
            double kh_m2_s = 0.0, bool monotone = true, const Decomposition* ranks = nullptr,
            const std::vector<int>& staying = {});

  /// Emissions and vertical diffusion, x, y and vertical advection, horizontal diffusion; `reverse`
  /// runs them backwards, but for the vertical advection that always follows the horizontal one
  /// (alternate steps, for second-order splitting). At the end of the step the
  /// model's air density equals the meteorology's (continuity sets the vertical flux). Each
  /// operator's wall time goes to its phase of `times`.
  void step(State& state, const DeviceMeteo& met, const ColumnExchange& exchange, double dt_s,
            bool reverse, PhaseTimes& times);
  /// The same, untimed.
  void step(State& state, const DeviceMeteo& met, const ColumnExchange& exchange, double dt_s,
            bool reverse) {
    PhaseTimes untimed;
    step(state, met, exchange, dt_s, reverse, untimed);
  }

  /// Wet deposition over dt_s (deposition/wet_scavenging.hpp), booked in the same mass budget.
  void scavenge_wet(State& state, const chem::WetScavengingInputs& inputs, double dt_s);

  /// Sets the inflow mixing ratios (field, k), row-major, for the steps that follow.
  void set_boundary(const std::vector<double>& q_field_k);

  /// Inflow and outflow through the lateral boundaries and the model top, dry and wet deposition,
  /// since construction, per field [kg] (indexed by BudgetColumn), over all ranks (every rank
  /// must call it).
  std::vector<double> budget_kg(int field) const;
  /// Advection sub-steps taken so far (how hard the winds pushed the time step).
  long substeps() const { return substeps_; }

  /// The budgets (summed over the ranks: every rank must call it) and the sub-step count into
  /// checkpoint `c`, and back from it (read from `path`; on rank 0, the others start from zero).
  /// The inflow comes from the configuration and the work arrays are rebuilt: neither is kept.
  void save_to(Checkpoint& c) const;
  void restore_from(const Checkpoint& c, const std::string& path);

 private:
  void advect(State& state, const DeviceMeteo& met, Axis axis, double dt_s, PhaseTimes& times);
  void advect_up(State& state, const DeviceMeteo& met);
  void diffuse_across(State& state, double dt_s, PhaseTimes& times);
  /// The halos across `axis` (0: x, 1: y) from the neighbouring blocks.
  void exchange(State& state, int axis) const;
  double max_over_ranks(double v) const { return ranks_ ? ranks_->max(v) : v; }
  std::vector<double> max_over_ranks(std::vector<double> v) const {
    return ranks_ ? ranks_->max(std::move(v)) : v;
  }
  /// The budget (field, column) summed over the ranks.
  std::vector<double> all_budgets() const;

  DeviceGeometry geo_;
  View4D<double> scratch_;    // the one state-sized buffer transport adds (kh > 0 only)
  View3D<double> w_kg_;       // vertical air-mass flux of the step (k_interface, j, i) [kg]
  View3D<double> column_kg_;  // per-column masses (top exchange, deposition) (field, j, i) [kg]
  AdvectionWork work_;        // face air fluxes and edge fluxes of the horizontal sweeps
  DiffusionCoefficients diffusion_;  // conductances of the horizontal diffusion
  View2D<double> boundary_q_;        // inflow mixing ratio (field, k)
  std::vector<int> staying_;         // the fields not moved
  FieldList moved_;                  // the others
  MassBudget budget_;
  double kh_m2_s_;
  bool monotone_;
  long substeps_ = 0;
  const Decomposition* ranks_;
};

}  // namespace kctm
