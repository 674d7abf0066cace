#pragma once
// The six pollutants of GB 3095-2012 Table 1 (basic items), with the units the standard reports
// them in.
#include <array>
#include <string>

namespace kctm::analysis {

enum class Pollutant { kPm25, kPm10, kSo2, kNo2, kO3, kCo };

/// All six, in the order CNEMC files list them.
inline constexpr std::array<Pollutant, 6> kAllPollutants = {Pollutant::kPm25, Pollutant::kPm10,
                                                            Pollutant::kSo2,  Pollutant::kNo2,
                                                            Pollutant::kO3,   Pollutant::kCo};

/// The name as CNEMC writes it: "PM2.5", "PM10", "SO2", "NO2", "O3", "CO".
const char* pollutant_name(Pollutant p);

/// The unit of GB 3095-2012 Table 1: "mg/m3" for CO, "ug/m3" for the others.
const char* standard_unit(Pollutant p);

/// Reads a CNEMC name (case-sensitive, as written there); false when it is none of the six.
bool parse_pollutant(const std::string& name, Pollutant& out);

}  // namespace kctm::analysis
