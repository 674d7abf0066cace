#pragma once
// The contributions of every source over a run, in the terms of the plan's own apportionment
// (FACTS.md: local / regional transport / background): the mean over the output hours of each
// apportioned output in the lowest layer, over Hengyang's county-level units (area-weighted) and
// at each monitoring station's cell, in µg m-3 and as shares of the sum over sources.
#include <string>
#include <vector>

#include "analysis/observations.hpp"
#include "apportionment/sources.hpp"
#include "grids/global_grid.hpp"
#include "grids/region_mask.hpp"
#include "io/checkpoint_file.hpp"

namespace kctm {

class ApportionmentSummary {
 public:
  /// `outputs` names the apportioned outputs of each record; `cell_area_m2` per interior column
  /// (j, i) of the subdomain whose first global column is (i0, j0).
  ApportionmentSummary(const SourceSet& sources, std::vector<std::string> outputs,
                       const RegionMask& mask, const std::vector<double>& cell_area_m2,
                       const GlobalGrid& grid, int i0, int j0,
                       const std::vector<analysis::Station>& stations);

  /// Adds one hour: record[o] holds output o as (source, j, i) over the interior.
  void add(const std::vector<std::vector<float>>& record);

  /// The run's comment line (io/run_id.hpp), then place,source,category, then per output its
  /// mean [ug m-3] and share [%].
  void write_csv(const std::string& path, const std::string& run_id) const;
  /// PM2.5 and O3 over Hengyang by source and by the plan's categories, for the log.
  std::string table() const;

  /// Mean contribution [ug m-3] of `source` to output `o` at place `p` (0: Hengyang, then the
  /// stations in order).
  double mean(int p, int o, int source) const;
  int n_places() const { return static_cast<int>(places_.size()); }
  /// Output o at place p summed over the sources [ug m-3].
  double total(int p, int o) const;

  /// The sums so far into checkpoint `c`, and back from it (read from the file `path`).
  void save_to(Checkpoint& c) const;
  void restore_from(const Checkpoint& c, const std::string& path);

 private:
  struct Place {
    std::string name;
    std::vector<std::pair<std::size_t, double>> columns;  ///< (column, weight), weights sum to 1
  };
  SourceSet sources_;
  std::vector<std::string> outputs_;
  std::vector<Place> places_;
  std::size_t columns_ = 0;
  long hours_ = 0;
  std::vector<double> sum_;   ///< (place, output, source)
  std::vector<double> last_;  ///< the same, of the last hour added (not kept in checkpoints)
};

}  // namespace kctm
