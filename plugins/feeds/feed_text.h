// Plain text for feeds: strings XML accepts, and short excerpts of HTML bodies.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace digestif::plugins::feeds {

/// `text` as valid UTF-8 holding only characters XML 1.0 allows: each invalid byte becomes
/// U+FFFD; control characters other than tab, newline and carriage return are dropped.
std::string xml_safe(std::string_view text);

/// The text of an HTML fragment: tags, comments and script/style contents removed, common
/// entities decoded, each run of white space made one space, trimmed.
std::string html_to_text(std::string_view html);

/// `text` cut to at most `max_bytes` bytes at a space (or a character boundary), followed by
/// "…" when something was cut.
std::string truncate_text(std::string_view text, std::size_t max_bytes);

}  // namespace digestif::plugins::feeds
