// Preamble: naming the kinds of text found before a digest's front matter.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace digestif::plugins::digest_format {

/// The kinds of text in lines [0, end), in order of first appearance, without repeats:
/// "a fence word (\"json\")", "a stray \"~~~\" fence", "raw data records", "a JSON data dump",
/// "LLM chatter". Blank lines count as nothing; empty when there is nothing else.
std::vector<std::string> classify_preamble(const std::vector<std::string_view>& lines,
                                           std::size_t end);

/// True when every non-blank line of `lines` is raw data (records between "~~~" lines, or a
/// JSON dump) and there is at least one: a file of data with no digest written from it.
bool is_raw_data_only(const std::vector<std::string_view>& lines);

/// "a, b and c".
std::string join_kinds(const std::vector<std::string>& kinds);

}  // namespace digestif::plugins::digest_format
