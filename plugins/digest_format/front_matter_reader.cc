// Front matter reader: YAML through the core's splitter, JSON through nlohmann::json.
#include "plugins/digest_format/front_matter_reader.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/diagnostic.h"
#include "plugins/digest_format/text_lines.h"

namespace digestif::plugins::digest_format {
namespace {

/// Lines open+1 .. close-1 of `lines`, each with its '\n'.
std::string inner_text(const std::vector<std::string_view>& lines, const FrontMatterSpot& spot) {
  std::string text;
  for (std::size_t i = spot.open + 1; i < spot.close; ++i) {
    text.append(lines[i]);
    text.push_back('\n');
  }
  return text;
}

/// Runs `parse`, moving the line of any Error it throws down by `offset` lines.
template <typename F>
auto shifted(int offset, F parse) {
  try {
    return parse();
  } catch (const Error& error) {
    Diagnostic moved = error.diagnostic();
    moved.line += offset;
    throw Error(std::move(moved));
  }
}

FrontMatter read_yaml(std::string_view text, const std::vector<std::string_view>& lines,
                      const FrontMatterSpot& spot, const std::string& file) {
  if (spot.open == 0 && spot.kind == FrontMatterKind::yaml) return split_front_matter(text, file);
  std::string block = "---\n" + inner_text(lines, spot) + "---\n";
  int offset = static_cast<int>(spot.open);
  FrontMatter fm = shifted(offset, [&] { return split_front_matter(block, file); });
  fm.line += offset;
  for (auto& [key, line] : fm.key_lines) line += offset;
  return fm;
}

Value to_value(const nlohmann::json& json) {
  if (json.is_boolean()) return Value(json.get<bool>());
  if (json.is_number_integer()) return Value(json.get<long long>());
  if (json.is_number_float()) return Value(json.get<double>());
  if (json.is_string()) return Value(json.get<std::string>());
  if (json.is_array()) {
    Value list = Value::array();
    for (const auto& item : json) list.push_back(to_value(item));
    return list;
  }
  if (!json.is_object()) return Value();
  Value object = Value::object();
  for (auto it = json.begin(); it != json.end(); ++it) object[it.key()] = to_value(it.value());
  return object;
}

nlohmann::json parse_json(const std::string& block, int first_line, const std::string& file) {
  try {
    return nlohmann::json::parse(block);
  } catch (const nlohmann::json::parse_error& error) {
    std::size_t read = error.byte > 0 ? error.byte - 1 : 0;  // byte: 1-based, of the bad char
    auto upto = block.begin() + static_cast<long>(std::min(read, block.size()));
    int line = first_line + static_cast<int>(std::count(block.begin(), upto, '\n'));
    throw Error(file, line,
                std::string("the JSON front matter is invalid (") + error.what() +
                    "); fix it, or write it as YAML between \"---\" lines");
  }
}

FrontMatter read_json(const std::vector<std::string_view>& lines, const FrontMatterSpot& spot,
                      const std::string& file) {
  int open_line = static_cast<int>(spot.open) + 1;
  std::string block = "{\n" + inner_text(lines, spot) + "}\n";
  FrontMatter fm;
  fm.data = to_value(parse_json(block, open_line, file));
  fm.line = open_line;
  for (std::size_t i = spot.open + 1; i < spot.close; ++i) {
    std::string_view line = trim(lines[i]);
    std::size_t end = line.find('"', 1);
    if (line.starts_with('"') && end != std::string_view::npos)
      fm.key_lines.emplace(std::string(line.substr(1, end - 1)), static_cast<int>(i) + 1);
  }
  return fm;
}

}  // namespace

FrontMatter read_front_matter(std::string_view text, const std::vector<std::string_view>& lines,
                              const FrontMatterSpot& spot, const std::string& file) {
  if (spot.close == std::string_view::npos) return split_front_matter(text, file);
  FrontMatter fm = spot.kind == FrontMatterKind::json ? read_json(lines, spot, file)
                                                      : read_yaml(text, lines, spot, file);
  fm.present = true;
  fm.body = text_from_line(text, lines, spot.close + 1);
  fm.body_line = static_cast<int>(spot.close) + 2;
  return fm;
}

}  // namespace digestif::plugins::digest_format
