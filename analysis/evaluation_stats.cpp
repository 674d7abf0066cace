#include "analysis/evaluation_stats.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "base/error.hpp"

namespace kctm::analysis {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double num, double den) { return den == 0 ? kNaN : num / den; }

}  // namespace

PairedStats paired_stats(const std::vector<double>& model, const std::vector<double>& obs) {
  if (model.size() != obs.size()) {
    throw Error("paired statistics",
                std::to_string(model.size()) + " model values for " + std::to_string(obs.size()) +
                    " observations",
                "pair them first, one model value per observation");
  }
  std::vector<double> m, o;
  for (std::size_t i = 0; i < obs.size(); ++i) {
    if (std::isnan(model[i]) || std::isnan(obs[i])) continue;
    m.push_back(model[i]);
    o.push_back(obs[i]);
  }
  PairedStats s;
  s.n = o.size();
  const double n = static_cast<double>(s.n);
  double sum_m = 0, sum_o = 0;
  for (std::size_t i = 0; i < s.n; ++i) {
    sum_m += m[i];
    sum_o += o[i];
  }
  s.mean_model = ratio(sum_m, n);
  s.mean_obs = ratio(sum_o, n);
  double sum_d = 0, sum_abs = 0, sum_sq = 0, sum_frac = 0, sum_abs_frac = 0;
  double cov = 0, var_m = 0, var_o = 0, potential = 0;
  for (std::size_t i = 0; i < s.n; ++i) {
    const double d = m[i] - o[i];
    sum_d += d;
    sum_abs += std::abs(d);
    sum_sq += d * d;
    if (m[i] + o[i] != 0) {
      sum_frac += d / (m[i] + o[i]);
      sum_abs_frac += std::abs(d) / (m[i] + o[i]);
    }
    const double dm = m[i] - s.mean_model, dobs = o[i] - s.mean_obs;
    cov += dm * dobs;
    var_m += dm * dm;
    var_o += dobs * dobs;
    // Willmott (1981): the potential error (|M - O-bar| + |O - O-bar|)^2.
    potential += std::pow(std::abs(m[i] - s.mean_obs) + std::abs(dobs), 2);
  }
  s.mb = ratio(sum_d, n);
  s.me = ratio(sum_abs, n);
  s.nmb = ratio(sum_d, sum_o);
  s.nme = ratio(sum_abs, sum_o);
  s.rmse = std::sqrt(ratio(sum_sq, n));
  s.r = ratio(cov, std::sqrt(var_m * var_o));
  s.ioa = 1 - ratio(sum_sq, potential);
  s.mfb = ratio(2 * sum_frac, n);
  s.mfe = ratio(2 * sum_abs_frac, n);
  return s;
}

}  // namespace kctm::analysis
