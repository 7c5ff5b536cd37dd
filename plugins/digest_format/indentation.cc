// Indentation: detecting and removing a whole-document indent.
#include "plugins/digest_format/indentation.h"

#include "plugins/digest_format/text_lines.h"

namespace digestif::plugins::digest_format {
namespace {

/// Leading spaces of the first non-blank line when it opens a front matter, else 0.
int front_matter_indent(const std::vector<std::string_view>& lines) {
  for (std::string_view line : lines) {
    std::string_view content = trim(line);
    if (content.empty()) continue;
    bool opens = content == "---" || content == "~~~" || content == "{";
    std::size_t spaces = line.find_first_not_of(' ');
    return opens ? static_cast<int>(spaces) : 0;
  }
  return 0;
}

}  // namespace

Dedented dedent_document(std::string_view text) {
  std::vector<std::string_view> lines = split_lines(text);
  int indent = front_matter_indent(lines);
  if (indent == 0) return {std::string(text), 0};
  Dedented result{{}, indent};
  result.text.reserve(text.size());
  for (std::string_view line : lines) {
    std::size_t spaces = 0;
    while (spaces < line.size() && spaces < static_cast<std::size_t>(indent) && line[spaces] == ' ')
      ++spaces;
    result.text.append(line.substr(spaces));
    result.text.push_back('\n');
  }
  return result;
}

}  // namespace digestif::plugins::digest_format
