// Text lines: splitting, trimming and recognizing fence and key lines.
#include "plugins/digest_format/text_lines.h"

#include <cctype>

namespace digestif::plugins::digest_format {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

std::string_view trim(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

bool is_lone_fence(std::string_view line) {
  line = trim(line);
  return line == "~~~" || line == "```";
}

std::string_view key_of(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_'))
    ++i;
  if (i == 0 || i >= line.size() || line[i] != ':') return {};
  return line.substr(0, i);
}

bool is_key_line(std::string_view line) { return !key_of(line).empty(); }

std::string_view text_from_line(std::string_view text, const std::vector<std::string_view>& lines,
                                std::size_t index) {
  if (index >= lines.size()) return {};
  return text.substr(static_cast<std::size_t>(lines[index].data() - text.data()));
}

}  // namespace digestif::plugins::digest_format
