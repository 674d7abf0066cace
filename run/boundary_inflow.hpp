#pragma once
// The air around the domain: what fills it at the start and what flows in through the lateral
// boundaries (the chemistry's background and regional inflow, each scaled by its source's factor
// and carried by its source's tags), and a boundary file's profiles in place of the constant
// inflow.
#include <memory>
#include <vector>

#include "apportionment/sources.hpp"
#include "base/civil_time.hpp"
#include "config/run_config.hpp"
#include "grids/vertical_levels.hpp"
#include "io/boundary_file.hpp"
#include "state/field_registry.hpp"

namespace kctm {

/// Mixing ratio of each field [kg kg-1].
struct BoundaryAir {
  std::vector<double> initial;   ///< the air filling the domain at the start
  std::vector<double> clean_in;  ///< the background flowing in, the same in every layer
  /// The regional inflow, on top of the background in the layers below its top
  /// (chemistry.regional_inflow_top_m).
  std::vector<double> regional_in;
};

/// The background and inflow of `c` at time t (their monthly cycles read there) for
/// `registry`'s fields (`sources`: null without source apportionment; `tracer`: the passive
/// tracer's field), each into its bulk field and its source's tags.
BoundaryAir boundary_air(const RunConfig& c, const FieldRegistry& registry,
                         const SourceSet* sources, int tracer, UnixSeconds t);

/// The inflow (field, k) over a run: the configured background in every layer and the regional
/// inflow below its top (VerticalLevels::shares_below), read from their seasonal cycles at
/// each step when they have one, and a boundary file's species in place of theirs (with tags, the
/// boundary source's tag too; the file replaces the regional inflow, whose tag is emptied). `c`,
/// `registry`, `sources` and `levels` must outlive it.
class BoundaryInflow {
 public:
  /// Opens c.boundary_file, if any, and refuses a file that does not cover the run.
  BoundaryInflow(const RunConfig& c, const FieldRegistry& registry, const SourceSet* sources,
                 int tracer, const VerticalLevels& levels);
  /// Whether the inflow changes during the run (else the transport keeps its first one).
  bool varies() const { return seasonal_ || file_ != nullptr; }
  /// The inflow at `t` (field, k), row-major.
  const std::vector<double>& at(UnixSeconds t);

 private:
  /// Where one of the file's profiles goes: its field's rows, scaled, and the row it empties.
  struct FileRows {
    std::vector<int> rows;
    int emptied;
    double scale;
  };
  /// The configured background and regional inflow at t into every layer of inflow_.
  void fill_configured(UnixSeconds t);
  const RunConfig& config_;
  const FieldRegistry& registry_;
  const SourceSet* sources_;
  const VerticalLevels& levels_;
  int tracer_;
  bool seasonal_;
  std::unique_ptr<BoundaryFile> file_;
  std::vector<FileRows> file_rows_;
  std::vector<double> inflow_;
};

}  // namespace kctm
