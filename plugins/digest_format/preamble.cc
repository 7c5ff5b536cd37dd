// Preamble: classifying the lines before the front matter, one block at a time.
#include "plugins/digest_format/preamble.h"

#include <algorithm>
#include <cctype>

#include "plugins/digest_format/text_lines.h"

namespace digestif::plugins::digest_format {
namespace {

const std::string kRawData = "raw data records";
const std::string kJsonDump = "a JSON data dump";

bool is_fence_word(std::string_view line) {
  if (line.empty() || line.size() > 12) return false;
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return std::islower(static_cast<unsigned char>(c)); });
}

/// Skips a JSON dump opened at line `i` ("[" or "{" at column 0): returns the line after the
/// "]" or "}" at column 0 that closes it, or `end`.
std::size_t skip_json(const std::vector<std::string_view>& lines, std::size_t i, std::size_t end) {
  char closer = lines[i].front() == '[' ? ']' : '}';
  for (std::size_t j = i + 1; j < end; ++j)
    if (!lines[j].empty() && lines[j].front() == closer) return j + 1;
  return end;
}

/// Skips raw data records opened by the fence at line `i`: records of "key: value" lines
/// separated by fences, up to the fence not followed by a key line. Returns the line after it.
std::size_t skip_records(const std::vector<std::string_view>& lines, std::size_t i,
                         std::size_t end) {
  for (std::size_t j = i + 1; j < end; ++j)
    if (is_lone_fence(lines[j]) && (j + 1 >= end || !is_key_line(lines[j + 1]))) return j + 1;
  return end;
}

/// The kind of the block starting at line `i`, and the line after it.
std::pair<std::string, std::size_t> block_at(const std::vector<std::string_view>& lines,
                                             std::size_t i, std::size_t end) {
  std::string_view line = trim(lines[i]);
  if (lines[i].starts_with("[") || lines[i].starts_with("{"))
    return {kJsonDump, skip_json(lines, i, end)};
  if (is_lone_fence(line) && i + 1 < end && is_key_line(lines[i + 1]))
    return {kRawData, skip_records(lines, i, end)};
  if (is_lone_fence(line)) return {"a stray \"" + std::string(line) + "\" fence", i + 1};
  if (is_key_line(lines[i])) return {kRawData, i + 1};
  if (is_fence_word(line)) return {"a fence word (\"" + std::string(line) + "\")", i + 1};
  return {"LLM chatter", i + 1};
}

}  // namespace

std::vector<std::string> classify_preamble(const std::vector<std::string_view>& lines,
                                           std::size_t end) {
  std::vector<std::string> kinds;
  end = std::min(end, lines.size());
  for (std::size_t i = 0; i < end;) {
    if (trim(lines[i]).empty()) {
      ++i;
      continue;
    }
    auto [kind, next] = block_at(lines, i, end);
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
    i = next;
  }
  return kinds;
}

bool is_raw_data_only(const std::vector<std::string_view>& lines) {
  std::vector<std::string> kinds = classify_preamble(lines, lines.size());
  if (kinds.empty()) return false;
  return std::all_of(kinds.begin(), kinds.end(), [](const std::string& kind) {
    return kind == kRawData || kind == kJsonDump || kind.starts_with("a stray");
  });
}

std::string join_kinds(const std::vector<std::string>& kinds) {
  std::string text;
  for (std::size_t i = 0; i < kinds.size(); ++i) {
    if (i > 0) text += i + 1 == kinds.size() ? " and " : ", ";
    text += kinds[i];
  }
  return text;
}

}  // namespace digestif::plugins::digest_format
