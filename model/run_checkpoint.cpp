#include "model/run_checkpoint.hpp"

#include <algorithm>
#include <filesystem>

namespace kctm {

namespace fs = std::filesystem;

std::string checkpoint_path(const std::string& dir) {
  return (fs::path(dir) / "kctm_restart.h5").string();
}

std::string checkpoint_copy_prefix(UnixSeconds time) {
  std::string stamp = format_iso8601(time, 0).substr(0, 19);  // YYYY-MM-DDTHH:MM:SS
  stamp.erase(
      std::remove_if(stamp.begin(), stamp.end(), [](char ch) { return ch == '-' || ch == ':'; }),
      stamp.end());
  return "kctm_restart." + stamp + ".";
}

CheckpointIdentity checkpoint_identity(const Domain& d, const FieldRegistry& registry,
                                       const RunConfig& c) {
  CheckpointIdentity id{d.grid.nx(), d.grid.ny(), d.grid.nz(), d.sub.halo, {}, c.start, c.step_s};
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
  c.arrays["run.wall_s"] = {r.transport_wall_s, r.chemistry_wall_s, r.tagging_wall_s};
}

void restore_counters(const Checkpoint& c, const std::string& path, RunResult& r) {
  const std::vector<double>& t = c.array(path, "run.chemistry_totals", 5);
  r.chemistry = {static_cast<long>(t[0]), static_cast<long>(t[1]), static_cast<long>(t[2]),
                 static_cast<long>(t[3]), static_cast<long>(t[4])};
  const std::vector<double>& tags = c.array(path, "run.tags", 3);
  r.tag_transport_drift = tags[0];
  r.tag_rescaled_cells = static_cast<long>(tags[1]);
  r.tag_fallback_cells = static_cast<long>(tags[2]);
  const std::vector<double>& wall = c.array(path, "run.wall_s", 3);
  r.transport_wall_s = wall[0], r.chemistry_wall_s = wall[1], r.tagging_wall_s = wall[2];
}

void remove_checkpoint_copies(const std::string& dir, UnixSeconds time) {
  const std::string prefix = checkpoint_copy_prefix(time);
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (e.path().filename().string().rfind(prefix, 0) == 0) fs::remove(e.path(), ec);
  }
}

}  // namespace kctm
