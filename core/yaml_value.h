// Conversion of parsed YAML into Value, keeping the file line of every problem.
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>

#include "core/value.h"

namespace digestif {

/// Where a YAML text sits: the file it came from and the file line of its first line.
struct YamlOrigin {
  std::string file;
  int first_line = 1;
  /// What yaml_to_value converted so far from this text: aliases may repeat a node any number
  /// of times, so the limit on the expanded size is per document, not per call.
  mutable std::size_t converted_values = 0;
  mutable std::size_t converted_bytes = 0;
  int line_of(const YAML::Mark& mark) const { return first_line + (mark.line < 0 ? 0 : mark.line); }
};

/// Parses `text` as YAML; a syntax error becomes Error at the file line where it is.
YAML::Node parse_yaml(const std::string& text, const YamlOrigin& origin);

/// Converts a node to Value: scalars that read as integers, reals or booleans become those.
/// Duplicate keys are an Error naming the line of the second one; so is an alias inside its own
/// anchor and aliases that expand `origin`'s text beyond 20000 values or 4 MiB.
Value yaml_to_value(const YAML::Node& node, const YamlOrigin& origin);

}  // namespace digestif
