// Front matter: splitting "---" YAML headers from bodies, keeping file line numbers.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/value.h"

namespace digestif {

struct FrontMatter {
  bool present = false;
  Value data = Value::object();                       ///< the YAML map
  int line = 0;                                       ///< file line of the opening "---"
  std::string_view body;                              ///< the text after the closing "---"
  int body_line = 1;                                  ///< file line where body starts
  std::map<std::string, int, std::less<>> key_lines;  ///< file line of each top-level key

  /// The file line of `key`, or of the front matter's start when the key is absent.
  int line_of(std::string_view key) const;
};

/// Splits `text` (a whole file) into its YAML front matter and body. A front matter that never
/// closes, is not a map, or is invalid YAML is an Error at the file line of the problem.
FrontMatter split_front_matter(std::string_view text, const std::string& file);

}  // namespace digestif
