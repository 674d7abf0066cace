#include "run/transport.hpp"

#include <algorithm>
#include <cmath>

#include "base/error.hpp"
#include "kernels/horizontal_diffusion.hpp"
#include "kernels/host_copy.hpp"
#include "kernels/lateral_boundary.hpp"
#include "kernels/vertical_advection.hpp"

namespace kctm {

namespace {
// Below 1 so that round-off in the Courant estimate never lets a cell lose more than its mass.
constexpr double kMaxCourant = 0.95;

int substeps_for(double courant) {
  return std::max(1, static_cast<int>(std::ceil(courant / kMaxCourant)));
}

/// Fields 0 .. n_fields − 1 but those in `staying`.
FieldList moved_fields(int n_fields, const std::vector<int>& staying) {
  std::vector<int> moved;
  for (int f = 0; f < n_fields; ++f) {
    if (std::find(staying.begin(), staying.end(), f) == staying.end()) moved.push_back(f);
  }
  return device_vector("moved_fields", moved);
}
}  // namespace

Transport::Transport(DeviceGeometry geo, int n_fields, const std::vector<double>& inflow_q,
                     double kh_m2_s, bool monotone, const Decomposition* ranks,
                     const std::vector<int>& staying)
    : geo_(std::move(geo)),
      scratch_(kh_m2_s > 0 ? View4D<double>("transport_scratch", n_fields, geo_.nz,
                                            geo_.ny + 2 * geo_.halo, geo_.nx + 2 * geo_.halo)
                           : View4D<double>()),
      w_kg_("vertical_air_flux", geo_.nz + 1, geo_.ny, geo_.nx),
      column_kg_("column_kg", n_fields, geo_.ny, geo_.nx),
      work_(allocate_advection_work(geo_, n_fields)),
      diffusion_(allocate_diffusion_coefficients(geo_)),
      boundary_q_("boundary_q", n_fields, geo_.nz),
      staying_(staying),
      moved_(moved_fields(n_fields, staying)),
      budget_("mass_budget", n_fields, kBudgetColumns),
      kh_m2_s_(kh_m2_s),
      monotone_(monotone),
      ranks_(ranks) {
  set_boundary(inflow_q);
}

void Transport::scavenge_wet(State& state, const chem::WetScavengingInputs& inputs, double dt_s) {
  chem::scavenge_wet(geo_, state.air, inputs, dt_s, state.q, column_kg_, budget_);
}

void Transport::set_boundary(const std::vector<double>& q_field_k) {
  if (q_field_k.size() != boundary_q_.size()) {
    throw Error("transport", "boundary values for " + std::to_string(q_field_k.size()) +
                                 " field-levels, expected " + std::to_string(boundary_q_.size()));
  }
  copy_to_device(q_field_k, boundary_q_);
}

std::vector<double> Transport::all_budgets() const {
  const std::vector<double> mine = copy_to_host(budget_);
  return ranks_ ? ranks_->sum(mine) : mine;
}

void Transport::exchange(State& state, int axis) const {
  if (ranks_) ranks_->exchange(axis, state.q, state.air);
}

void Transport::advect(State& state, const DeviceMeteo& met, Axis axis, double dt_s,
                       PhaseTimes& times) {
  const StepPhase phase = axis == Axis::X ? kPhaseAdvectX : kPhaseAdvectY;
  const int across = axis == Axis::X ? 0 : 1;
  // The lateral boundary's ring takes the outside air once per sweep: its sub-steps change only
  // the interior. The halos between ranks are exchanged before every sub-step.
  times.time(phase,
             [&] { apply_lateral_boundary(geo_, met, boundary_q_, moved_, state.q, state.air); });
  auto halos = [&] { times.time(kPhaseHalo, [&] { exchange(state, across); }); };
  halos();
  // Each level its own sub-steps, from its Courant number over the whole step (the same on every
  // rank); sub-step s then moves the levels that take more than s.
  int n = 1;
  times.time(phase, [&] {
    Kokkos::deep_copy(work_.level_substeps, 1);
    face_air_fluxes(geo_, met, axis, dt_s, work_);
    const std::vector<double> courant =
        max_over_ranks(max_outflow_courant(geo_, state.air, axis, work_));
    std::vector<int> per_level(courant.size());
    for (std::size_t k = 0; k < courant.size(); ++k) {
      per_level[k] = substeps_for(courant[k]);
      n = std::max(n, per_level[k]);
    }
    if (n > 1) {
      copy_to_device(per_level, work_.level_substeps);
      face_air_fluxes(geo_, met, axis, dt_s, work_);
    }
  });
  for (int s = 0; s < n; ++s) {
    if (s > 0) halos();
    times.time(phase, [&] {
      advect_horizontal(geo_, axis, moved_, state.q, state.air, work_, budget_, monotone_, s);
    });
  }
  substeps_ += n;
}

void Transport::advect_up(State& state, const DeviceMeteo& met) {
  vertical_air_flux(geo_, state.air, met.rho_kg_m3, w_kg_);
  const int n = substeps_for(max_over_ranks(max_vertical_courant(geo_, state.air, w_kg_)));
  for (int s = 0; s < n; ++s) {
    advect_vertical(geo_, w_kg_, 1.0 / n, boundary_q_, moved_, state.q, state.air, column_kg_,
                    budget_, monotone_);
  }
  substeps_ += n;
}

void Transport::diffuse_across(State& state, double dt_s, PhaseTimes& times) {
  if (kh_m2_s_ <= 0) return;
  // Explicit: sub-steps keep every cell's diffusion number below kMaxCourant (positive, monotone).
  // The air does not change while diffusing: its coefficients serve every sub-step and field.
  auto halos = [&] {
    times.time(kPhaseHalo, [&] {
      exchange(state, 0);
      exchange(state, 1);
    });
  };
  halos();
  int n = 1;
  times.time(kPhaseDiffusion, [&] {
    compute_diffusion_coefficients(geo_, state.air, diffusion_);
    n = substeps_for(max_over_ranks(max_diffusion_number(geo_, diffusion_, kh_m2_s_, dt_s)));
  });
  // The fields that stay are the same in both buffers from here on: no sub-step writes them.
  for (int f : staying_) {
    Kokkos::deep_copy(Kokkos::subview(scratch_, f, Kokkos::ALL, Kokkos::ALL, Kokkos::ALL),
                      Kokkos::subview(state.q, f, Kokkos::ALL, Kokkos::ALL, Kokkos::ALL));
  }
  for (int s = 0; s < n; ++s) {
    if (s > 0) halos();
    times.time(kPhaseDiffusion, [&] {
      diffuse_horizontal(geo_, diffusion_, kh_m2_s_, dt_s / n, moved_, state.q, scratch_);
      std::swap(state.q, scratch_);
    });
  }
  substeps_ += n;
}

void Transport::step(State& state, const DeviceMeteo& met, const ColumnExchange& exchange,
                     double dt_s, bool reverse, PhaseTimes& times) {
  auto vertical = [&] {
    times.time(kPhaseVertical, [&] {
      diffuse_vertical(geo_, met, state.air, dt_s, exchange, moved_, state.q, column_kg_, budget_);
    });
  };
  auto up = [&] { times.time(kPhaseAdvectZ, [&] { advect_up(state, met); }); };
  if (!reverse) {
    vertical();
    advect(state, met, Axis::X, dt_s, times);
    advect(state, met, Axis::Y, dt_s, times);
    up();
    diffuse_across(state, dt_s, times);
  } else {
    diffuse_across(state, dt_s, times);
    advect(state, met, Axis::Y, dt_s, times);
    advect(state, met, Axis::X, dt_s, times);
    up();
    vertical();
  }
}

std::vector<double> Transport::budget_kg(int field) const {
  const auto host = all_budgets();
  return {host.begin() + kBudgetColumns * field, host.begin() + kBudgetColumns * (field + 1)};
}

void Transport::save_to(Checkpoint& c) const {
  c.arrays["transport.budget_kg"] = all_budgets();
  c.arrays["transport.substeps"] = {static_cast<double>(substeps_)};
}

void Transport::restore_from(const Checkpoint& c, const std::string& path) {
  const std::vector<double>& budget = c.array(path, "transport.budget_kg", budget_.size());
  const bool root = !ranks_ || ranks_->root();
  copy_to_device(root ? budget : std::vector<double>(budget.size(), 0.0), budget_);
  substeps_ = static_cast<long>(c.array(path, "transport.substeps", 1)[0]);
}

}  // namespace kctm
