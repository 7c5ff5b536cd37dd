// Front matter locator: where a digest's front matter is, of which kind, and what comes before it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace digestif::plugins::digest_format {

/// How the front matter is written.
enum class FrontMatterKind {
  none,   ///< no front matter found
  yaml,   ///< YAML between "---" lines (the standard form)
  tilde,  ///< YAML between "~~~" lines
  json,   ///< a JSON object, "{" and "}" on lines of their own
};

/// "YAML", "YAML between \"~~~\"", "JSON" (for messages).
std::string_view kind_name(FrontMatterKind kind);

/// Where the front matter is: 0-based indexes of its opening and closing lines.
struct FrontMatterSpot {
  FrontMatterKind kind = FrontMatterKind::none;
  std::size_t open = 0;
  std::size_t close = std::string_view::npos;  ///< npos: a "---" on line 1 that never closes
};

/// Finds the front matter. A "---" on the first line is the front matter, whatever follows.
/// Otherwise the first block, at any line, that is "---" ... "---" or "~~~" ... "~~~" holding
/// a "title:" key line, or "{" ... "}" (at column 0) holding a "title" member.
FrontMatterSpot locate_front_matter(const std::vector<std::string_view>& lines);

}  // namespace digestif::plugins::digest_format
