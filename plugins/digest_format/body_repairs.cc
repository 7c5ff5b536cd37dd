// Body repairs: cutting a repeated document and a trailing stray fence out of a digest body.
#include "plugins/digest_format/body_repairs.h"

#include <algorithm>
#include <optional>

#include "plugins/digest_format/text_lines.h"

namespace digestif::plugins::digest_format {
namespace {

/// Index of a line "---" followed by a "title:" line: a second front matter.
std::optional<std::size_t> repeated_front_matter(const std::vector<std::string_view>& lines) {
  for (std::size_t i = 0; i + 1 < lines.size(); ++i)
    if (trim(lines[i]) == "---" && key_of(lines[i + 1]) == "title") return i;
  return std::nullopt;
}

/// The line after the repeated front matter at `start`: after its key lines and the closing
/// "---" when there is one.
std::size_t after_front_matter(const std::vector<std::string_view>& lines, std::size_t start) {
  std::size_t i = start + 1;
  while (i < lines.size() && is_key_line(lines[i])) ++i;
  if (i < lines.size() && trim(lines[i]) == "---") ++i;
  return i;
}

void cut_repeat(RepairedBody& body, const std::string& file) {
  std::vector<std::string_view> lines = split_lines(body.text);
  auto repeat = repeated_front_matter(lines);
  if (!repeat) return;
  std::size_t second = after_front_matter(lines, *repeat);
  std::string_view second_copy = text_from_line(body.text, lines, second);
  int repeat_line = body.first_line + static_cast<int>(*repeat);
  std::size_t first_size = static_cast<std::size_t>(lines[*repeat].data() - body.text.data());
  bool keep_second = second_copy.size() > first_size;
  body.warnings.push_back(
      {Severity::warning, file, repeat_line,
       std::string("the document is written twice (a second front matter starts here); only the ") +
           (keep_second ? "second" : "first") +
           ", longer copy is published; delete the other copy"});
  if (keep_second) {
    body.text = std::string(second_copy);
    body.first_line += static_cast<int>(second);
  } else {
    body.text.resize(first_size);
  }
}

/// True when `line`, the last line, is a fence that closes nothing or a lone "---".
bool is_stray_end(const std::vector<std::string_view>& lines, std::string_view line) {
  if (trim(line) == "---") return true;
  if (!is_lone_fence(line)) return false;
  auto same = [&](std::string_view other) { return trim(other) == trim(line); };
  return std::count_if(lines.begin(), lines.end(), same) % 2 == 1;
}

void cut_stray_end(RepairedBody& body, const std::string& file) {
  std::vector<std::string_view> lines = split_lines(body.text);
  std::size_t last = lines.size();
  while (last > 0 && trim(lines[last - 1]).empty()) --last;
  if (last == 0 || !is_stray_end(lines, lines[last - 1])) return;
  std::string fence(trim(lines[last - 1]));
  body.warnings.push_back({Severity::warning, file, body.first_line + static_cast<int>(last) - 1,
                           "a stray \"" + fence + "\" ends the file and closes nothing; it is " +
                               "left out; delete it"});
  body.text.resize(static_cast<std::size_t>(lines[last - 1].data() - body.text.data()));
}

}  // namespace

RepairedBody repair_body(std::string_view body, int first_line, const std::string& file) {
  RepairedBody repaired{std::string(body), first_line, {}};
  cut_repeat(repaired, file);
  cut_stray_end(repaired, file);
  return repaired;
}

}  // namespace digestif::plugins::digest_format
