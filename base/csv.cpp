#include "base/csv.hpp"

#include <cmath>
#include <sstream>

#include "base/error.hpp"

namespace kctm {

namespace {

std::vector<std::string> split_fields(const std::string& line, const std::string& where) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  if (quoted) throw Error(where, "a quoted field is not closed");
  return fields;
}

}  // namespace

CsvTable parse_csv(const std::string& text, const std::string& where) {
  CsvTable t{where, {}, {}, {}};
  std::stringstream in(text);
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || (t.header.empty() && line[0] == '#')) continue;
    const std::string at = where + ":" + std::to_string(line_no);
    std::vector<std::string> fields = split_fields(line, at);
    if (t.header.empty()) {
      t.header = std::move(fields);
      continue;
    }
    if (fields.size() != t.header.size()) {
      throw Error(at, std::to_string(fields.size()) + " columns",
                  "expected " + std::to_string(t.header.size()));
    }
    t.rows.push_back(std::move(fields));
    t.lines.push_back(line_no);
  }
  if (t.header.empty()) throw Error(where, "empty table");
  return t;
}

std::size_t CsvTable::column(const std::string& name) const {
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (header[c] == name) return c;
  }
  throw Error(where, "no column '" + name + "'");
}

std::string CsvTable::at(std::size_t r, const std::string& column_name) const {
  return where + ":" + std::to_string(lines[r]) + ": " + column_name;
}

double CsvTable::number(std::size_t r, const std::string& column_name, double lo, double hi) const {
  const std::string& cell = rows[r][column(column_name)];
  std::size_t used = 0;
  double v = 0;
  try {
    v = std::stod(cell, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != cell.size() || !std::isfinite(v)) {
    throw Error(at(r, column_name), "'" + cell + "' is not a number");
  }
  if (v < lo || v > hi) {
    throw Error(at(r, column_name), cell + " is out of range",
                "between " + std::to_string(lo) + " and " + std::to_string(hi));
  }
  return v;
}

}  // namespace kctm
