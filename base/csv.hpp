#pragma once
// A small CSV reader for the data tables kctm ships and reads: comment lines, a header line, then
// rows; fields may be quoted ("a, b" with "" for a quote). Errors name the source and the line.
#include <string>
#include <vector>

namespace kctm {

struct CsvTable {
  std::string where;  ///< the source, for messages
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  ///< each as long as the header
  std::vector<int> lines;                      ///< the line number of each row
  /// Index of a header column; throws naming the table when it is absent.
  std::size_t column(const std::string& name) const;
  /// "where:line: column" for row r, the prefix of an error about that cell.
  std::string at(std::size_t r, const std::string& column_name) const;
  /// The cell as a number in [lo, hi]; an error naming the line and column otherwise.
  double number(std::size_t r, const std::string& column_name, double lo, double hi) const;
};

/// Parses CSV text; empty lines and, before the header, comment lines (beginning with '#') are
/// skipped; a row with a different number of fields is an error.
CsvTable parse_csv(const std::string& text, const std::string& where);

}  // namespace kctm
