// MarkdownConverter: cmark-gfm with the GitHub extensions, safe by default.
#pragma once

#include <string>
#include <string_view>

namespace digestif::plugins::markdown {

struct MarkdownOptions {
  bool unsafe_html = false;  ///< pass raw HTML and dangerous URLs through (off: both removed)
  bool smart = false;        ///< typographic quotes and dashes
};

/// Converts CommonMark + GFM (table, strikethrough, autolink, tagfilter) to HTML. Thread-safe.
class MarkdownConverter {
 public:
  explicit MarkdownConverter(MarkdownOptions options);
  std::string to_html(std::string_view markdown) const;

 private:
  int cmark_options_;
};

}  // namespace digestif::plugins::markdown
