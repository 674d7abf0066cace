#pragma once
// Source apportionment output of a run: hourly kctm_sa_YYYYMMDD.nc files (PM25_SA(time, source,
// y, x), its components and O3, lowest layer) and, at the end, kctm_sa_summary.csv with the
// contributions over Hengyang and at the stations (apportionment/summary.hpp).
#include <memory>
#include <string>
#include <vector>

#include "apportionment/setup.hpp"
#include "apportionment/summary.hpp"
#include "config/run_config.hpp"
#include "kernels/transport_views.hpp"
#include "parallel/decomposition.hpp"
#include "state/domain.hpp"
#include "state/state.hpp"

namespace kctm {

class ApportionmentOutput {
 public:
  /// `domain` is the whole grid; the state is this rank's block of `ranks`; rank 0 writes.
  ApportionmentOutput(const RunConfig& config, const Domain& domain, const Decomposition& ranks,
                      const SourceSet& sources, const FieldRegistry& registry,
                      const std::vector<double>& cell_area_m2, const std::string& run_id);

  /// Writes the state's hour at state.time and adds it to the summary (every rank calls it).
  void write(const DeviceGeometry& geo, const State& state);
  /// Closes the files and writes the summary; returns every file written.
  std::vector<std::string> finish();
  const ApportionmentSummary& summary() const { return summary_; }

  /// The files' and the summary's place into checkpoint `c` (see ConcWriter::save_to), and back.
  void save_to(Checkpoint& c, const std::string& dir, const std::string& copy_prefix);
  void restore_from(const Checkpoint& c, const std::string& path);

 private:
  std::string dir_;
  std::string run_id_;  ///< written into every file (io/run_id.hpp)
  const Decomposition& ranks_;
  std::vector<ApportionedOutput> outputs_;
  std::vector<std::vector<View1D<int>>> fields_;  ///< [output][source]
  ConcWriter writer_;
  ApportionmentSummary summary_;
  View3D<float> surface_;
};

}  // namespace kctm
