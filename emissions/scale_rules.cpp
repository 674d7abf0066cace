#include "emissions/scale_rules.hpp"

#include <cmath>
#include <sstream>

#include "base/error.hpp"

namespace kctm {

namespace {
std::string trimmed(const std::string& s) {
  const auto a = s.find_first_not_of(" \t"), b = s.find_last_not_of(" \t");
  return a == std::string::npos ? std::string() : s.substr(a, b - a + 1);
}
}  // namespace

std::optional<double> parse_factor(const std::string& text) {
  std::size_t used = 0;
  double f;
  try {
    f = std::stod(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used != text.size() || !(f >= 0 && f <= kMaxFactor)) return std::nullopt;
  return f;
}

std::vector<ScaleRule> parse_scale_rules(const std::string& text, const std::string& where) {
  std::vector<ScaleRule> rules;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) {
    const std::string rule = trimmed(item);
    if (rule.empty()) continue;
    const auto eq = rule.find('='), c1 = rule.find(':'), c2 = rule.find(':', c1 + 1);
    if (eq == std::string::npos || c1 == std::string::npos || c2 == std::string::npos || c2 > eq) {
      throw Error(where, "rule '" + rule + "' is not sector:pollutant:region=factor",
                  "e.g. mobile:NOx:*=0.8");
    }
    ScaleRule r{trimmed(rule.substr(0, c1)), trimmed(rule.substr(c1 + 1, c2 - c1 - 1)),
                trimmed(rule.substr(c2 + 1, eq - c2 - 1)), 0.0};
    const std::string value = trimmed(rule.substr(eq + 1));
    const std::optional<double> factor = parse_factor(value);
    if (!factor) {
      throw Error(where, "rule '" + rule + "': factor '" + value + "' is not a number from 0 to " +
                             std::to_string(static_cast<int>(kMaxFactor)));
    }
    r.factor = *factor;
    rules.push_back(r);
  }
  return rules;
}

double scale_factor(const std::vector<ScaleRule>& rules, const std::string& sector,
                    const std::string& pollutant, const std::string& region) {
  double f = 1;
  for (const ScaleRule& r : rules) {
    if ((r.sector == "*" || r.sector == sector) &&
        (r.pollutant == "*" || r.pollutant == pollutant) &&
        (r.region == "*" || r.region == region)) {
      f *= r.factor;
    }
  }
  return f;
}

}  // namespace kctm
