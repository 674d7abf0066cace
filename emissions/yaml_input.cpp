#include "emissions/yaml_input.hpp"

#include <cmath>

#include "base/error.hpp"

namespace kctm {

YAML::Node load_yaml(const std::string& text, const std::string& where) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw Error(where + ":" + std::to_string(e.mark.line + 1), "not valid YAML: " + e.msg);
  }
}

YAML::Node required(const YAML::Node& parent, const std::string& key, const std::string& where) {
  const YAML::Node n = parent[key];
  if (!n) throw Error(where, "missing key '" + key + "'");
  return n;
}

double yaml_number(const YAML::Node& node, const std::string& where) {
  double v = NAN;
  try {
    v = node.as<double>();
  } catch (const YAML::Exception&) {
  }
  if (!std::isfinite(v)) throw Error(where, "not a number");
  return v;
}

}  // namespace kctm
