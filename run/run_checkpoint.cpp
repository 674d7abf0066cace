#include "run/run_checkpoint.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

#include "kernels/host_copy.hpp"
#include "run/budgets.hpp"
#include "run/run.hpp"

namespace kctm {

namespace fs = std::filesystem;

std::string checkpoint_path(const std::string& dir) {
  return (fs::path(dir) / "kctm_restart.h5").string();
}

std::string final_state_path(const std::string& dir) {
  return (fs::path(dir) / "kctm_final_state.h5").string();
}

std::string checkpoint_copy_prefix(UnixSeconds time) {
  std::string stamp = format_iso8601(time, 0).substr(0, 19);  // YYYY-MM-DDTHH:MM:SS
  stamp.erase(
      std::remove_if(stamp.begin(), stamp.end(), [](char ch) { return ch == '-' || ch == ':'; }),
      stamp.end());
  return "kctm_restart." + stamp + ".";
}

std::vector<std::pair<std::string, double>> grid_definition(const GlobalGrid& g) {
  const LambertParams& p = g.projection().params();
  std::vector<std::pair<std::string, double>> items = {
      {"projection.lat_1", p.lat_1_deg},
      {"projection.lat_2", p.lat_2_deg},
      {"projection.lat_0", p.lat_0_deg},
      {"projection.lon_0", p.lon_0_deg},
      {"projection.earth_radius_m", p.earth_radius_m},
      {"dx_m", g.dx_m()},
      {"dy_m", g.dy_m()},
      {"x0_m", g.x0_m()},
      {"y0_m", g.y0_m()}};
  for (int k = 0; k <= g.nz(); ++k) {
    items.emplace_back("level_interface_m[" + std::to_string(k) + "]", g.levels().interface_m(k));
  }
  return items;
}

CheckpointIdentity checkpoint_identity(const Domain& d, const FieldRegistry& registry,
                                       const RunConfig& c) {
  CheckpointIdentity id{d.grid.nx(), d.grid.ny(), d.grid.nz(), d.sub.halo,
                        {},          c.start,     c.step_s,    grid_definition(d.grid)};
  for (int f = 0; f < registry.n_fields(); ++f) id.fields.push_back(registry.field_name(f));
  return id;
}

void save_counters(const RunResult& r, Checkpoint& c) {
  const ChemistryTotals& t = r.chemistry;
  c.arrays["run.chemistry_totals"] = {
      static_cast<double>(t.solver_steps), static_cast<double>(t.rejected),
      static_cast<double>(t.clipped), static_cast<double>(t.failed_cells),
      static_cast<double>(t.cell_steps)};
  c.arrays["run.tags"] = {r.tag_transport_drift, static_cast<double>(r.tag_rescaled_cells),
                          static_cast<double>(r.tag_fallback_cells)};
  c.arrays["run.phase_s"] = {r.phases.s.begin(), r.phases.s.end()};
}

void restore_counters(const Checkpoint& c, const std::string& path, RunResult& r) {
  const std::vector<double>& t = c.array(path, "run.chemistry_totals", 5);
  r.chemistry = {static_cast<long>(t[0]), static_cast<long>(t[1]), static_cast<long>(t[2]),
                 static_cast<long>(t[3]), static_cast<long>(t[4])};
  const std::vector<double>& tags = c.array(path, "run.tags", 3);
  r.tag_transport_drift = tags[0];
  r.tag_rescaled_cells = static_cast<long>(tags[1]);
  r.tag_fallback_cells = static_cast<long>(tags[2]);
  // Checkpoints written before the phases were timed carry none: those start from zero.
  if (c.arrays.count("run.phase_s")) {
    const std::vector<double>& phases = c.array(path, "run.phase_s", kPhaseCount);
    std::copy(phases.begin(), phases.end(), r.phases.s.begin());
  }
}

void remove_checkpoint_copies(const std::string& dir, UnixSeconds time) {
  const std::string prefix = checkpoint_copy_prefix(time);
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) fs::remove(e.path(), ec);
  }
}

Checkpoint Run::checkpoint_of(long steps_done) const {
  const int n_fields = state.registry.n_fields();
  Checkpoint cp;
  cp.identity = identity_;
  cp.run_id = folder.run_id;
  cp.time = state.time;
  cp.step = steps_done;
  // The whole grid's arrays, gathered on rank 0, field by field.
  const int nz = domain.grid.nz();
  const std::vector<double> q = copy_to_host(state.q);
  const std::size_t per_field = q.size() / n_fields;
  std::vector<double>& global_q = cp.arrays["state.q"];
  for (int f = 0; f < n_fields; ++f) {
    const std::vector<double> g = ranks.gather(
        std::vector<double>(q.begin() + f * per_field, q.begin() + (f + 1) * per_field), nz, true);
    if (f == 0) global_q.reserve(g.size() * n_fields);  // no copies as it grows: the state is large
    global_q.insert(global_q.end(), g.begin(), g.end());
  }
  cp.arrays["state.air"] = ranks.gather(copy_to_host(state.air), nz, true);
  cp.arrays["run.initial_kg"] = initial_kg_;
  cp.arrays["run.emitted_kg"] = inputs.emitted_kg;
  const std::vector<double> h_next = chemistry ? chemistry->step_memory() : std::vector<double>{};
  if (ranks.max(static_cast<double>(h_next.size())) > 0) {
    cp.arrays["chemistry.h_next"] = ranks.gather(h_next, nz);
  }
  transport.save_to(cp);
  save_counters(reduced_counters(result, ranks), cp);
  cp.texts["config"] = config.config_yaml;
  return cp;
}

void Run::write_checkpoint(long steps_done) {
  const RunConfig& c = config;
  Checkpoint cp = checkpoint_of(steps_done);
  if (!ranks.root()) return;
  const std::string prefix = checkpoint_copy_prefix(state.time);
  try {
    output.save_to(cp, c.output.dir, prefix);
    kctm::write_checkpoint(checkpoint_file_, cp);
  } catch (...) {
    // The copies of the open day files belong to the checkpoint that failed; the last good
    // checkpoint and its copies stay.
    if (state.time != last_checkpoint_) remove_checkpoint_copies(c.output.dir, state.time);
    throw;
  }
  if (last_checkpoint_ >= 0 && last_checkpoint_ != state.time) {
    remove_checkpoint_copies(c.output.dir, last_checkpoint_);
  }
  last_checkpoint_ = state.time;
  spdlog::info("checkpoint: {} at {}", checkpoint_file_,
               format_iso8601(state.time, c.output.file_day_utc_offset_s));
}

void Run::write_final_state() const {
  const Checkpoint cp = checkpoint_of(n_steps);
  if (!ranks.root()) return;
  const std::string path = final_state_path(config.output.dir);
  kctm::write_checkpoint(path, cp);
  spdlog::info("final state: {} (time.initial_state of a run that follows)", path);
}

}  // namespace kctm
