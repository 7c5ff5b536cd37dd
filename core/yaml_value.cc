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
    int last_line = static_cast<int>(std::count(text.begin(), text.end(), '\n')) -
                    (text.ends_with('\n') ? 1 : 0);
    mark.line = std::min(mark.line, std::max(last_line, 0));
    throw Error(origin.file, origin.line_of(mark),
                "invalid YAML: " + e.msg + "; fix the syntax (quote values that contain ': ')");
  }
}

namespace {

/// Aliases share nodes, so a few lines can describe a cycle ("a: &a [*a]") or billions of
/// values (aliases of lists of aliases). The conversion refuses both with an Error instead of
/// overflowing the stack or exhausting memory; the size budget is kept in the YamlOrigin, so
/// it holds for a whole document converted in several calls (site.yaml's plugins).
constexpr int kMaxDepth = 512;
constexpr std::size_t kMaxValues = 20'000;
constexpr std::size_t kMaxTextBytes = 4u << 20;

struct Conversion {
  const YamlOrigin& origin;

  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const {
    throw Error(origin.file, origin.line_of(node.Mark()), message);
  }

  /// Counts one value of `bytes` bytes of text (a scalar, or a map key).
  void charge(const YAML::Node& node, std::size_t bytes) {
    origin.converted_bytes += bytes;
    if (++origin.converted_values > kMaxValues || origin.converted_bytes > kMaxTextBytes)
      fail(node, "YAML aliases expand to too much data (over " + std::to_string(kMaxValues) +
                     " values or 4 MiB); write the values out instead of nesting aliases");
  }

  Value convert(const YAML::Node& node, int depth) {
    if (depth > kMaxDepth)
      fail(node, "YAML nested more than " + std::to_string(kMaxDepth) +
                     " levels deep (an alias inside its own anchor?); flatten it");
    charge(node, node.IsScalar() ? node.Scalar().size() : 0);
    switch (node.Type()) {
      case YAML::NodeType::Scalar:
        return scalar_to_value(node);
      case YAML::NodeType::Sequence: {
        Value array = Value::array();
        for (const auto& item : node) array.push_back(convert(item, depth + 1));
        return array;
      }
      case YAML::NodeType::Map: {
        Value object = Value::object();
        for (const auto& pair : node) {
          std::string key = pair.first.Scalar();
          charge(pair.first, key.size());
          if (object.find(key) != nullptr)
            fail(pair.first, "duplicate key \"" + key + "\"; keep only one of them");
          object[key] = convert(pair.second, depth + 1);
        }
        return object;
      }
      default:
        return Value();
    }
  }
};

}  // namespace

Value yaml_to_value(const YAML::Node& node, const YamlOrigin& origin) {
  return Conversion{origin}.convert(node, 0);
}

}  // namespace digestif
