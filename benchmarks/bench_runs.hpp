#pragma once
// Short runs of the default Hengyang configuration for the benchmarks that time whole steps: each
// goes through run_simulation into a scratch folder, removed after, and reports its own clocks
// (RunResult::wall_s and phases), which leave the setup out.
#include <filesystem>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/run_config.hpp"
#include "run/driver.hpp"

namespace kctm::bench {

/// The default run with `sets` applied, from noon on 1 January 2019 (chemistry and emissions at
/// work), into a scratch folder named `name`.
inline RunResult scratch_run(const std::vector<std::string>& sets, const std::string& name) {
  const std::string dir = (std::filesystem::temp_directory_path() / name).string();
  Config c;
  c.set("output.dir=" + dir);
  c.set("log.progress_interval_s=100000");
  c.set("time.start=2019-01-01T12:00:00+08:00");
  for (const std::string& s : sets) c.set(s);
  RunConfig rc = read_run_config(c);
  rc.overwrite = true;  // a scratch folder: what an interrupted benchmark left there
  RunResult r = run_simulation(rc);
  std::filesystem::remove_all(dir);
  return r;
}

}  // namespace kctm::bench
