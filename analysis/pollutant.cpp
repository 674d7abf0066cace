#include "analysis/pollutant.hpp"

namespace kctm::analysis {

const char* pollutant_name(Pollutant p) {
  switch (p) {
    case Pollutant::kPm25: return "PM2.5";
    case Pollutant::kPm10: return "PM10";
    case Pollutant::kSo2: return "SO2";
    case Pollutant::kNo2: return "NO2";
    case Pollutant::kO3: return "O3";
    case Pollutant::kCo: return "CO";
  }
  return "?";
}

const char* standard_unit(Pollutant p) { return p == Pollutant::kCo ? "mg/m3" : "ug/m3"; }

bool parse_pollutant(const std::string& name, Pollutant& out) {
  for (Pollutant p : kAllPollutants) {
    if (name == pollutant_name(p)) {
      out = p;
      return true;
    }
  }
  return false;
}

}  // namespace kctm::analysis
