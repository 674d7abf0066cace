#include "config/config.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <optional>
#include <sstream>
#include <type_traits>

#include "base/error.hpp"
#include "base/input_file.hpp"
#include "base/spelling.hpp"

namespace kctm {

namespace {

enum class Kind { Bool, Int, Double, String, List, Monthly, Map };

// A default tagged !monthly takes a number or twelve monthly values (base/monthly_cycle.hpp).
constexpr const char* kMonthlyTag = "!monthly";

bool parses_as_bool(const YAML::Node& n) {
  bool b;
  return n.IsScalar() && YAML::convert<bool>::decode(n, b);
}
// Numbers are read once, here, for the type check and the value alike: decimal only (no hex,
// octal or infinities), the whole scalar, within the type's range.
template <typename T>
std::optional<T> decimal_value(const YAML::Node& n) {
  if (!n.IsScalar()) return std::nullopt;
  const std::string& s = n.Scalar();
  const char* first = s.data();
  const char* const last = first + s.size();
  if (last - first > 1 && *first == '+' && first[1] != '-') ++first;
  T v{};
  std::from_chars_result r;
  if constexpr (std::is_floating_point_v<T>) {
    r = std::from_chars(first, last, v, std::chars_format::general);
  } else {
    r = std::from_chars(first, last, v);
  }
  if (r.ec != std::errc() || r.ptr != last) return std::nullopt;
  if constexpr (std::is_floating_point_v<T>) {
    if (!std::isfinite(v)) return std::nullopt;
  }
  return v;
}
bool parses_as_int(const YAML::Node& n) { return decimal_value<long>(n).has_value(); }
bool parses_as_double(const YAML::Node& n) { return decimal_value<double>(n).has_value(); }

/// The sequence's numbers (already checked by matches(Kind::List, n)).
std::vector<double> doubles_of(const YAML::Node& n) {
  std::vector<double> v;
  for (const auto& e : n) v.push_back(*decimal_value<double>(e));
  return v;
}

// The kind of a default value decides what a user may put there.
Kind kind_of_default(const YAML::Node& n) {
  if (n.IsMap()) return Kind::Map;
  if (n.Tag() == kMonthlyTag) return Kind::Monthly;
  if (n.IsSequence()) return Kind::List;
  if (n.Tag() == "!") return Kind::String;  // quoted in the default file
  if (parses_as_bool(n)) return Kind::Bool;
  if (parses_as_int(n)) return Kind::Int;
  if (parses_as_double(n)) return Kind::Double;
  return Kind::String;
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::Bool: return "true or false";
    case Kind::Int: return "an integer";
    case Kind::Double: return "a number";
    case Kind::String: return "a string";
    case Kind::List: return "a list of numbers";
    case Kind::Monthly: return "a number or a list of 12 monthly values (January to December)";
    case Kind::Map: return "a section of keys";
  }
  return "";
}

bool matches(Kind k, const YAML::Node& n) {
  switch (k) {
    case Kind::Bool: return parses_as_bool(n);
    case Kind::Int: return parses_as_int(n);
    case Kind::Double: return parses_as_double(n);
    case Kind::String: return n.IsScalar();
    case Kind::Map: return n.IsMap();
    case Kind::List:
      if (!n.IsSequence()) return false;
      for (const auto& e : n) {
        if (!parses_as_double(e)) return false;
      }
      return true;
    case Kind::Monthly: return parses_as_double(n) || (matches(Kind::List, n) && n.size() == 12);
  }
  return false;
}

// Dotted names of every section and leaf, for "did you mean" hints.
void collect_keys(const YAML::Node& node, const std::string& prefix,
                  std::vector<std::string>& out) {
  for (const auto& kv : node) {
    const std::string key = prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar();
    out.push_back(key);
    if (kv.second.IsMap()) collect_keys(kv.second, key, out);
  }
}

std::vector<std::string> split_key(const std::string& key) {
  std::vector<std::string> parts;
  std::stringstream ss(key);
  for (std::string p; std::getline(ss, p, '.');) parts.push_back(p);
  return parts;
}

/// The node at a dotted key under `root` (a copy), undefined when there is none.
YAML::Node find(const YAML::Node& root, const std::string& key) {
  YAML::Node node = YAML::Clone(root);
  for (const std::string& p : split_key(key)) {
    if (!node.IsMap() || !node[p]) return YAML::Node(YAML::NodeType::Undefined);
    node.reset(node[p]);
  }
  return node;
}

}  // namespace

Config::Config() {
  tree_ = YAML::Load(default_config_text());
  defaults_ = YAML::Clone(tree_);
  collect_keys(tree_, "", known_keys_);
}

Config Config::layered(const std::string& path, const std::vector<std::string>& sets) {
  Config c;
  if (!path.empty()) c.merge_file(path);
  for (const std::string& s : sets) c.set(s);
  return c;
}

void Config::merge_file(const std::string& path) {
  require_input_file(path, "config file");
  YAML::Node user;
  try {
    user = YAML::LoadFile(path);
  } catch (const YAML::Exception& e) {
    throw Error(path + ":" + std::to_string(e.mark.line + 1), "not valid YAML: " + e.msg);
  }
  if (user.IsNull()) return;  // an empty file changes nothing
  if (!user.IsMap()) throw Error(path, "the config must be a map of sections", "e.g. 'grid:'");
  merge_node(user, "", {path, 0}, path);
}

void Config::merge_text(const std::string& yaml, const std::string& where) {
  YAML::Node user;
  try {
    user = YAML::Load(yaml);
  } catch (const YAML::Exception& e) {
    throw Error(where + ":" + std::to_string(e.mark.line + 1), "not valid YAML: " + e.msg);
  }
  if (user.IsNull()) return;
  if (!user.IsMap()) throw Error(where, "the config must be a map of sections", "e.g. 'grid:'");
  merge_node(user, "", {"", 0}, where);
  // A recorded config repeats every key: those at their default value stay defaults (a default
  // file that may be absent must not become a file the user asked for).
  const Config defaults;
  for (auto it = user_origin_.begin(); it != user_origin_.end();) {
    const bool same = YAML::Dump(defaults.lookup(it->first)) == YAML::Dump(lookup(it->first));
    it = same ? user_origin_.erase(it) : std::next(it);
  }
}

void Config::set(const std::string& assignment) {
  const auto eq = assignment.find('=');
  if (eq == std::string::npos || eq == 0) {
    throw Error("--set " + assignment, "expected key=value", "e.g. --set output.dir=/tmp/run");
  }
  const std::string key = assignment.substr(0, eq);
  YAML::Node value;
  try {
    value = YAML::Load(assignment.substr(eq + 1));
  } catch (const YAML::Exception& e) {
    throw Error("--set " + key, "value is not valid YAML: " + e.msg);
  }
  // Build {a: {b: {c: value}}} and merge it like a file.
  YAML::Node wrapped = value;
  const auto parts = split_key(key);
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    YAML::Node outer(YAML::NodeType::Map);
    outer[*it] = wrapped;
    wrapped = outer;
  }
  merge_node(wrapped, "", {"", 0}, "--set");
}

void Config::merge_node(const YAML::Node& user, const std::string& prefix, const Origin& origin,
                        const std::string& origin_name) {
  std::map<std::string, int> seen;  // key -> line: YAML would silently keep one of a repeated key
  for (const auto& kv : user) {
    const std::string name = kv.first.Scalar();
    const std::string key = prefix.empty() ? name : prefix + "." + name;
    const int line = kv.first.Mark().line >= 0 ? kv.first.Mark().line + 1 : 0;
    const Origin here{origin.file, origin.file.empty() ? 0 : line};
    const std::string loc = origin.file.empty()
                                ? "--set " + key
                                : origin.file + ":" + std::to_string(line) + ": " + key;
    if (const auto [first, fresh] = seen.emplace(name, line); !fresh) {
      throw Error(loc, "key given twice", "first at line " + std::to_string(first->second));
    }
    // The kind a key takes is its default's, whatever an earlier layer put there.
    const YAML::Node target = find(defaults_, key);
    if (!target) throw Error(loc, "unknown config key", did_you_mean(key, known_keys_));
    const Kind kind = kind_of_default(target);
    if (kind == Kind::Map) {
      if (!kv.second.IsMap())
        throw Error(loc, "expected a section of keys", "see kctm config --print-default");
      merge_node(kv.second, key, origin, origin_name);
      continue;
    }
    if (!matches(kind, kv.second)) {
      std::string got = kv.second.IsScalar() ? "'" + kv.second.Scalar() + "'"
                                             : (kv.second.IsSequence() ? "a list" : "a section");
      throw Error(loc, std::string("wrong type: expected ") + kind_name(kind), "got " + got);
    }
    // Assign into the tree at the dotted path.
    const auto parts = split_key(key);
    YAML::Node node = tree_;
    for (std::size_t p = 0; p + 1 < parts.size(); ++p) node.reset(node[parts[p]]);
    node[parts.back()] = YAML::Clone(kv.second);
    user_origin_[key] = here;
  }
}

YAML::Node Config::lookup(const std::string& key) const { return find(tree_, key); }

bool Config::has(const std::string& key) const { return lookup(key).IsDefined(); }

std::string Config::where(const std::string& key) const {
  const auto it = user_origin_.find(key);
  if (it == user_origin_.end()) return "default " + key;
  if (it->second.file.empty()) return "--set " + key;
  return it->second.file + ":" + std::to_string(it->second.line) + ": " + key;
}

bool Config::user_set(const std::string& key) const { return user_origin_.count(key) != 0; }

bool Config::user_changed(const std::string& key) const {
  return user_set(key) && get_string(key) != find(defaults_, key).as<std::string>();
}

double Config::get_double(const std::string& key) const {
  const std::optional<double> v = decimal_value<double>(lookup(key));
  if (!v) throw Error(where(key), "expected a number");
  return *v;
}

long Config::get_int(const std::string& key) const {
  const std::optional<long> v = decimal_value<long>(lookup(key));
  if (!v) throw Error(where(key), "expected an integer");
  return *v;
}

bool Config::get_bool(const std::string& key) const {
  const YAML::Node n = lookup(key);
  if (!n || !parses_as_bool(n)) throw Error(where(key), "expected true or false");
  return n.as<bool>();
}

std::string Config::get_string(const std::string& key) const {
  const YAML::Node n = lookup(key);
  if (!n || !n.IsScalar()) throw Error(where(key), "expected a string");
  return n.Scalar();
}

std::vector<double> Config::get_doubles(const std::string& key) const {
  const YAML::Node n = lookup(key);
  if (!n || !matches(Kind::List, n)) throw Error(where(key), "expected a list of numbers");
  return doubles_of(n);
}

MonthlyCycle Config::get_monthly(const std::string& key) const {
  const YAML::Node n = lookup(key);
  if (const std::optional<double> v = decimal_value<double>(n)) return MonthlyCycle::constant(*v);
  if (!n || !matches(Kind::Monthly, n)) {
    throw Error(where(key), std::string("expected ") + kind_name(Kind::Monthly));
  }
  MonthlyCycle c;
  const std::vector<double> v = doubles_of(n);
  std::copy(v.begin(), v.end(), c.month.begin());
  return c;
}

std::string Config::get_path(const std::string& key) const {
  const std::string value = get_string(key);
  if (key != "data.dir" && value.rfind(kDataPrefix, 0) == 0) {
    return expand_data_path(value, data_dir().path);
  }
  const std::filesystem::path p = value;
  const auto it = user_origin_.find(key);
  if (p.empty() || p.is_absolute() || it == user_origin_.end() || it->second.file.empty()) {
    return p.string();
  }
  return (std::filesystem::path(it->second.file).parent_path() / p).lexically_normal().string();
}

DataDir Config::data_dir() const { return find_data_dir(get_path("data.dir")); }

std::vector<std::string> Config::numeric_keys() const {
  std::vector<std::string> keys;
  for (const std::string& key : known_keys_) {
    const Kind k = kind_of_default(find(defaults_, key));
    if (k == Kind::Int || k == Kind::Double || k == Kind::List || k == Kind::Monthly) {
      keys.push_back(key);
    }
  }
  return keys;
}

std::string Config::dump() const {
  YAML::Emitter out;
  out << tree_;
  return out.c_str();
}

}  // namespace kctm
