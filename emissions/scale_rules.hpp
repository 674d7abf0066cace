#pragma once
// Scenario factors on emissions, per sector × pollutant × region: "sector:pollutant:region=factor"
// rules, comma separated, `*` matching any (e.g. "mobile:NOx:*=0.8, *:SO2:leiyang=0.5"). Regions
// are the mask's unit names (zhuhui, …, leiyang, changning). Every matching rule multiplies, so
// rules compose.
#include <optional>
#include <string>
#include <vector>

namespace kctm {

struct ScaleRule {
  std::string sector, pollutant, region;  ///< "*" for any
  double factor;
};

/// The largest factor a rule (or a source's factor) may take: ten times the 2018 inventory lies
/// beyond any scenario of the plan, and beyond the concentrations the chemistry was built for.
inline constexpr double kMaxFactor = 10.0;

/// A factor's text read whole as a decimal number in [0, kMaxFactor]; nullopt otherwise.
std::optional<double> parse_factor(const std::string& text);

/// Parses the rules; errors name `where` and the bad rule.
std::vector<ScaleRule> parse_scale_rules(const std::string& text, const std::string& where);

/// The product of the factors of the rules that match [1].
double scale_factor(const std::vector<ScaleRule>& rules, const std::string& sector,
                    const std::string& pollutant, const std::string& region);

}  // namespace kctm
