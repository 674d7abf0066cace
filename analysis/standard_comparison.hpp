#pragma once
// The standards' own statistics for the model and the observations side by side, city values
// over a run (HJ 663-2013: a city's daily value is the mean of its stations'): period means of
// PM2.5, PM10, SO2, NO2; O3's MDA8 90th percentile; CO's daily-mean 95th percentile; the
// special-control period's PM2.5; the share of good days (HJ 633-2012 AQI ≤ 100).
#include <string>
#include <vector>

#include "analysis/observations.hpp"

namespace kctm {

struct StandardRow {
  std::string metric, unit;
  double observed, model;  ///< NaN where the data do not allow it
  int observed_days;       ///< valid days behind the observed value
};

/// The rows over the hours the model covers; `special_months` the 特护期's months (1–12).
std::vector<StandardRow> standard_comparison(const analysis::Observations& model,
                                             const analysis::Observations& obs,
                                             const std::vector<int>& special_months);

}  // namespace kctm
