// split_front_matter: finds the "---" fences and parses what is between them.
#include "core/front_matter.h"

#include <algorithm>

#include "core/diagnostic.h"
#include "core/yaml_value.h"

namespace digestif {
namespace {

bool is_fence(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
    line.remove_suffix(1);
  return line == "---";
}

std::string_view skip_bom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

}  // namespace

int FrontMatter::line_of(std::string_view key) const {
  auto it = key_lines.find(key);
  return it == key_lines.end() ? line : it->second;
}

FrontMatter split_front_matter(std::string_view text, const std::string& file) {
  FrontMatter result;
  text = skip_bom(text);
  result.body = text;
  std::size_t first_end = text.find('\n');
  if (!is_fence(text.substr(0, first_end))) return result;
  result.present = true;
  result.line = 1;
  int line = 2;
  std::size_t pos = first_end == std::string_view::npos ? text.size() : first_end + 1;
  std::size_t yaml_start = pos;
  while (pos < text.size()) {
    std::size_t end = std::min(text.find('\n', pos), text.size());
    if (is_fence(text.substr(pos, end - pos))) {
      YamlOrigin origin{file, 2};
      YAML::Node node = parse_yaml(std::string(text.substr(yaml_start, pos - yaml_start)), origin);
      if (!node.IsMap() && !node.IsNull())
        throw Error(file, 2, "front matter must be a YAML map (key: value lines)");
      if (node.IsMap()) result.data = yaml_to_value(node, origin);
      if (node.IsMap())
        for (const auto& pair : node)
          result.key_lines[pair.first.Scalar()] = origin.line_of(pair.first.Mark());
      result.body = text.substr(std::min(end + 1, text.size()));
      result.body_line = line + 1;
      return result;
    }
    pos = end + 1;
    ++line;
  }
  throw Error(file, 1,
              "front matter opened with \"---\" never closes; add a \"---\" line after it");
}

}  // namespace digestif
