#pragma once
// The run's configuration: the built-in default tree (config/default_config.yaml, every key with
// its default and a comment) with a user's YAML file and --set overrides merged over it. Every user
// key must exist in the defaults and have the default's type; errors name the file, line and key.
#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <vector>

#include "base/data_dir.hpp"
#include "base/monthly_cycle.hpp"

namespace kctm {

/// The default configuration, as the commented YAML text shipped in the binary.
const std::string& default_config_text();

class Config {
 public:
  /// The built-in defaults.
  Config();

  /// Merges the YAML file at `path` over the current values.
  void merge_file(const std::string& path);
  /// Merges a config given as text (e.g. a run's recorded kctm_config), named `where` in errors;
  /// its relative paths resolve against the working directory, as --set's do, and its keys at
  /// their default value count as defaults (user_set is false for them).
  void merge_text(const std::string& yaml, const std::string& where);
  /// Applies one "dotted.key=value" override (the value is read as YAML).
  void set(const std::string& assignment);
  /// The defaults, then the file at `path` (none when empty), then each of `sets`: what a
  /// command's CONFIG and --set options give.
  static Config layered(const std::string& path, const std::vector<std::string>& sets);

  double get_double(const std::string& key) const;
  long get_int(const std::string& key) const;
  bool get_bool(const std::string& key) const;
  std::string get_string(const std::string& key) const;
  std::vector<double> get_doubles(const std::string& key) const;
  /// A value with a seasonal cycle: one number for every month, or twelve (January to December).
  MonthlyCycle get_monthly(const std::string& key) const;
  /// A path value: one that begins with "{data}" in the data folder (data_dir()), any other
  /// resolved against the directory of the file that set it (the working directory for defaults
  /// and --set).
  std::string get_path(const std::string& key) const;
  /// The data folder: data.dir, $KCTM_DATA_DIR or the built-in fall-backs (base/data_dir.hpp).
  DataDir data_dir() const;

  /// Whether the key exists (in the defaults or merged over them).
  bool has(const std::string& key) const;
  /// Whether the user (a file or --set) gave this key, rather than the default.
  bool user_set(const std::string& key) const;
  /// Whether the user gave this text key a value other than its default (a copy of the default
  /// configuration changes nothing).
  bool user_changed(const std::string& key) const;
  /// "<file>:<line>: <key>", "--set <key>" or "default <key>": the prefix of error messages.
  std::string where(const std::string& key) const;
  /// Every key whose default is a number, a list of numbers or a monthly cycle (dotted names).
  std::vector<std::string> numeric_keys() const;
  /// The effective configuration as YAML (recorded in output files).
  std::string dump() const;

 private:
  struct Origin {
    std::string file;  // empty for --set
    int line;          // 1-based, 0 when unknown
  };
  void merge_node(const YAML::Node& user, const std::string& prefix, const Origin& origin,
                  const std::string& origin_name);
  YAML::Node lookup(const std::string& key) const;

  YAML::Node tree_;
  YAML::Node defaults_;                        // the built-in defaults: the kind of every key
  std::vector<std::string> known_keys_;        // dotted names of every default section and leaf
  std::map<std::string, Origin> user_origin_;  // leaves given by the user
};

}  // namespace kctm
