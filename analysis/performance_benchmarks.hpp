#pragma once
// Published goals and criteria for model performance statistics, as data, and the test of a
// statistic set against them.
#include <string>
#include <vector>

#include "analysis/evaluation_stats.hpp"

namespace kctm::analysis {

/// Limits a statistic set must stay within, as fractions (0.1 = 10 %); NaN: none set.
struct Thresholds {
  double nmb_abs_max;  ///< |NMB| <= this
  double nme_max;      ///< NME <= this
  double r_min;        ///< r >= this
  double mfb_abs_max;  ///< |MFB| <= this
  double mfe_max;      ///< MFE <= this
};

/// A published benchmark: the goal (close to the best models achieve) and the criteria
/// (acceptable performance).
struct Benchmark {
  std::string name;        ///< key, e.g. "emery2017-o3"
  std::string applies_to;  ///< the quantity and averaging it was set for
  std::string source;      ///< the publication and table
  Thresholds goal, criteria;
};

enum class BenchmarkRating { kMeetsGoal, kMeetsCriteria, kFails };

/// True when every threshold set is met; a NaN statistic fails any threshold set on it. Bounds
/// are inclusive (the papers' "<" and "<=" differ only on the boundary).
bool meets(const PairedStats& s, const Thresholds& t);

/// Goal if the goal is met, else criteria if those are met, else fails.
BenchmarkRating rate(const PairedStats& s, const Benchmark& b);

/// "meets goal", "meets criteria", "fails criteria".
const char* rating_name(BenchmarkRating r);

/// The benchmarks kctm knows, from Emery et al. (2017) and Boylan & Russell (2006).
const std::vector<Benchmark>& published_benchmarks();

/// The benchmark with this name; throws kctm::Error listing the known names otherwise.
const Benchmark& find_benchmark(const std::string& name);

}  // namespace kctm::analysis
