// YAML to Value conversion with file:line errors.
#include "core/yaml_value.h"

#include <algorithm>
#include <charconv>

#include "core/diagnostic.h"

namespace digestif {
namespace {

Value scalar_to_value(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return Value(text);  // quoted: always a string
  std::int64_t integer = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), integer);
  if (ec == std::errc() && end == text.data() + text.size() && !text.empty()) return Value(integer);
  if (text == "true" || text == "True" || text == "yes") return Value(true);
  if (text == "false" || text == "False" || text == "no") return Value(false);
  if (text == "~" || text == "null") return Value();
  return Value(text);
}

}  // namespace

YAML::Node parse_yaml(const std::string& text, const YamlOrigin& origin) {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    // An error found at the end of the text belongs to its last line, not the one after.
    YAML::Mark mark = e.mark;
    int last_line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) - (text.ends_with('\n') ? 1 : 0);
    mark.line = std::min(mark.line, std::max(last_line, 0));
    throw Error(origin.file, origin.line_of(mark),
                "invalid YAML: " + e.msg + "; fix the syntax (quote values that contain ': ')");
  }
}

Value yaml_to_value(const YAML::Node& node, const YamlOrigin& origin) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return scalar_to_value(node);
    case YAML::NodeType::Sequence: {
      Value array = Value::array();
      for (const auto& item : node) array.push_back(yaml_to_value(item, origin));
      return array;
    }
    case YAML::NodeType::Map: {
      Value object = Value::object();
      for (const auto& pair : node) {
        std::string key = pair.first.Scalar();
        if (object.find(key) != nullptr)
          throw Error(origin.file, origin.line_of(pair.first.Mark()),
                      "duplicate key \"" + key + "\"; keep only one of them");
        object[key] = yaml_to_value(pair.second, origin);
      }
      return object;
    }
    default:
      return Value();
  }
}

}  // namespace digestif
