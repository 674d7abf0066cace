#pragma once
// Reading the emission data files (YAML): parse errors and missing keys name the file and key.
#include <yaml-cpp/yaml.h>

#include <string>

namespace kctm {

/// Parses `text`; throws kctm::Error "<where>:<line>: not valid YAML" on a syntax error.
YAML::Node load_yaml(const std::string& text, const std::string& where);

/// parent[key]; throws kctm::Error naming `where` and the key when it is missing.
YAML::Node required(const YAML::Node& parent, const std::string& key, const std::string& where);

/// The node as a finite number; throws kctm::Error "<where>: not a number" otherwise.
double yaml_number(const YAML::Node& node, const std::string& where);

}  // namespace kctm
