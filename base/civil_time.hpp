#pragma once
// UTC time points as integer seconds since 1970-01-01T00:00:00Z, with ISO 8601 parsing and
// printing.
#include <cstdint>
#include <string>

namespace kctm {

/// Seconds since 1970-01-01T00:00:00Z [s].
using UnixSeconds = std::int64_t;

struct CivilDate {
  int year, month, day;
};

/// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(CivilDate d);
CivilDate civil_from_days(std::int64_t days);

/// Parses "YYYY-MM-DD[THH:MM[:SS]](Z|+HH:MM|-HH:MM)"; a missing offset is an error, so no time is
/// ever read in an unstated zone. Returns false on any malformed text.
bool parse_iso8601(const std::string& text, UnixSeconds& out);

/// "YYYY-MM-DDTHH:MM:SS+HH:MM" in the zone `utc_offset_s` east of UTC.
std::string format_iso8601(UnixSeconds t, int utc_offset_s = 0);

/// Calendar date of `t` in the zone `utc_offset_s` east of UTC.
CivilDate local_date(UnixSeconds t, int utc_offset_s);

/// Beijing time, the zone of the Chinese standards' calendar days [s east of UTC].
inline constexpr int kBeijingUtcOffsetS = 8 * 3600;

/// The moment date `d` begins in the zone `utc_offset_s` east of UTC.
inline UnixSeconds local_midnight(CivilDate d, int utc_offset_s) {
  return days_from_civil(d) * 86400 - utc_offset_s;
}

/// The months of a typical (non-leap) year: their lengths, and the day (0..364) each begins on.
inline constexpr int kDaysInTypicalMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
int first_day_of_typical_month(int month0);

/// A moment as a day of the typical year (0..364; 29 February reads as the 28th) and the seconds
/// into that day.
struct TypicalDay {
  int day;
  double seconds;
};
/// `seconds_since_epoch` may be shifted off UTC, e.g. to local solar time.
TypicalDay typical_day(double seconds_since_epoch);

}  // namespace kctm
