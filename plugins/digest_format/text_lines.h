// Text lines: a file's text cut into lines that keep their place in the text.
#pragma once

#include <string_view>
#include <vector>

namespace digestif::plugins::digest_format {

/// The lines of `text` without their '\n'; each view points into `text`. A final line without
/// '\n' counts; a trailing '\n' does not start another line.
std::vector<std::string_view> split_lines(std::string_view text);

/// `line` without leading and trailing spaces and tabs.
std::string_view trim(std::string_view line);

/// True for a line that is only a code or tilde fence: "~~~" or "```", nothing else.
bool is_lone_fence(std::string_view line);

/// True for a line "key: ..." (key of letters, digits and '_', starting at column 0).
bool is_key_line(std::string_view line);

/// The key of a key line ("title: x" -> "title"); empty when it is not one.
std::string_view key_of(std::string_view line);

/// The text from the start of line `index` (0-based) to the end; empty past the last line.
std::string_view text_from_line(std::string_view text, const std::vector<std::string_view>& lines,
                                std::size_t index);

}  // namespace digestif::plugins::digest_format
