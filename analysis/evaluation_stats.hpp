#pragma once
// Paired model-observation statistics for model performance evaluation, as defined in Emery et
// al. (2017, JAWMA 67:582), Boylan & Russell (2006, Atmos. Environ. 40:4946) and Willmott (1981,
// Phys. Geogr. 2:184).
#include <cstddef>
#include <limits>
#include <vector>

namespace kctm::analysis {

/// Statistics over the pairs where both model and observation are present (not NaN). Normalised
/// and fractional statistics are fractions (0.1 = 10 %); the others carry the data's unit.
/// Each is NaN when it is undefined (no pairs, zero observed sum, zero variance).
struct PairedStats {
  static constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
  std::size_t n = 0;               ///< pairs used
  double mean_obs = kUndefined;    ///< O-bar
  double mean_model = kUndefined;  ///< M-bar
  double mb = kUndefined;          ///< mean bias (1/N) sum(M - O)
  double me = kUndefined;          ///< mean (gross) error (1/N) sum|M - O|
  double nmb = kUndefined;         ///< normalised mean bias sum(M - O) / sum(O)
  double nme = kUndefined;         ///< normalised mean error sum|M - O| / sum(O)
  double rmse = kUndefined;        ///< sqrt((1/N) sum(M - O)^2)
  double r = kUndefined;           ///< Pearson correlation coefficient
  double ioa = kUndefined;         ///< Willmott's index of agreement d
  double mfb = kUndefined;         ///< mean fractional bias (2/N) sum (M - O)/(M + O)
  double mfe = kUndefined;         ///< mean fractional error (2/N) sum |M - O|/(M + O)
};

/// The statistics of `model` against `obs` (same length, same order); pairs with a NaN on either
/// side are skipped. A pair with M + O = 0 agrees exactly and adds 0 to MFB and MFE.
PairedStats paired_stats(const std::vector<double>& model, const std::vector<double>& obs);

}  // namespace kctm::analysis
