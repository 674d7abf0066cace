#pragma once
// When emissions happen: per sector, weights by month, day of the week and hour of the local day,
// normalised over each calendar year so that the hourly fractions of a sector sum to exactly one
// over the year (emissions/data/temporal_profiles.yaml, built in).
#include <array>
#include <map>
#include <string>
#include <vector>

#include "base/civil_time.hpp"

namespace kctm {

struct SectorProfile {
  std::array<double, 12> month;
  std::array<double, 7> weekday;  ///< Monday .. Sunday
  std::array<double, 24> hour;    ///< local hours 0..23
};

class TemporalProfiles {
 public:
  /// `utc_offset_s`: the local time the profiles follow (Beijing time, +8 h, for Hengyang).
  TemporalProfiles(std::map<std::string, SectorProfile> profiles, int utc_offset_s);
  /// Share of the sector's annual emission in the hour starting at t [1]; the hours of a calendar
  /// year (local time) sum to one.
  double hour_fraction(const std::string& sector, UnixSeconds t) const;
  bool has(const std::string& sector) const { return profiles_.count(sector) > 0; }

 private:
  double weight(const SectorProfile& p, UnixSeconds t) const;
  double year_sum(const SectorProfile& p, int year) const;

  std::map<std::string, SectorProfile> profiles_;
  int utc_offset_s_;
  mutable std::map<std::pair<std::string, int>, double> year_sums_;
};

/// Parses a profile YAML (layout as in the built-in file); errors name `where` and the key.
std::map<std::string, SectorProfile> parse_temporal_profiles(const std::string& yaml_text,
                                                             const std::string& where);

/// The built-in profiles.
const std::map<std::string, SectorProfile>& builtin_temporal_profiles();

}  // namespace kctm
