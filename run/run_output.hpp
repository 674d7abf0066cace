#pragma once
// A run's hourly output: the concentrations of the tracer and of the chemistry's species and PM
// sums (kctm_conc files), and with source apportionment the contributions of each source
// (kctm_sa files and the summary). Every rank computes its block; rank 0 gathers and writes.
#include <memory>
#include <string>
#include <vector>

#include "apportionment/output.hpp"
#include "apportionment/sources.hpp"
#include "io/checkpoint_file.hpp"
#include "io/conc_writer.hpp"
#include "kernels/transport_views.hpp"
#include "parallel/decomposition.hpp"
#include "state/chemistry_fields.hpp"
#include "state/domain.hpp"
#include "state/state.hpp"

namespace kctm {

class RunOutput {
 public:
  /// `sources`: null without source apportionment; `block`: this rank's block of `ranks`, whose
  /// interior columns have areas `column_area_m2`; `run_id`: written into every file.
  RunOutput(const RunConfig& c, const Domain& d, const Decomposition& ranks,
            const FieldRegistry& registry, int tracer, const SourceSet* sources,
            const Subdomain& block, const std::vector<double>& column_area_m2,
            const std::string& run_id);

  /// Writes the state's hour at state.time (every rank calls it): from c.output.start on, that
  /// time itself only with c.output.write_initial.
  void write(const DeviceGeometry& geo, const State& state);
  /// Closes the files (on rank 0: every file written) and the apportionment's summary table.
  std::vector<std::string> finish();
  std::string apportionment_table() const;

  /// The writers' place into checkpoint `c` (rank 0; ConcWriter::save_to), and back.
  void save_to(Checkpoint& c, const std::string& dir, const std::string& copy_prefix);
  void restore_from(const Checkpoint& c, const std::string& path);

 private:
  RunOutput(const RunConfig& c, const Domain& d, const Decomposition& ranks,
            const std::vector<OutputQuantity>& quantities, const FieldRegistry& registry,
            const SourceSet* sources, const Subdomain& block,
            const std::vector<double>& column_area_m2, const std::string& run_id);

  const Decomposition& ranks_;
  UnixSeconds start_;                ///< the first record's time
  bool write_initial_;               ///< whether the state at start_ is a record
  std::vector<View1D<int>> fields_;  ///< per output variable, the fields it sums
  ConcWriter writer_;
  std::unique_ptr<ApportionmentOutput> apportionment_;
  View3D<float> conc_;  ///< one variable of this rank's block, the layers written [ug m-3]
};

}  // namespace kctm
