// Digest fields: typed front matter keys, each problem an Error at the key's file line.
#include "plugins/digest_format/digest_fields.h"

#include "core/diagnostic.h"

namespace digestif::plugins::digest_format {

std::string text_field(const FrontMatter& fm, const std::string& file, std::string_view key) {
  const Value* value = fm.data.find(key);
  if (value == nullptr || value->is_null()) return {};
  if (value->is_array() || value->is_object())
    throw Error(file, fm.line_of(key),
                "\"" + std::string(key) + "\" must be text, not a list or map; quote it");
  return value->to_text();
}

std::vector<std::string> tags_field(const FrontMatter& fm, const std::string& file) {
  const Value* value = fm.data.find("tags");
  std::vector<std::string> tags;
  if (value == nullptr || value->is_null()) return tags;
  if (!value->is_array())
    throw Error(file, fm.line_of("tags"),
                "\"tags\" must be a list, e.g. tags: [\"ai\", \"reddit\"]");
  for (const Value& tag : value->as_array()) {
    if (tag.is_array() || tag.is_object())
      throw Error(file, fm.line_of("tags"),
                  "each tag must be text; found a list or map inside \"tags\"");
    if (!tag.to_text().empty()) tags.push_back(tag.to_text());
  }
  return tags;
}

Timestamp date_field(const FrontMatter& fm, const std::string& file,
                     std::optional<Timestamp> fallback) {
  std::string text = text_field(fm, file, "date");
  if (text.empty()) {
    if (fallback) return *fallback;
    throw Error(file, fm.line,
                "no \"date\" in the front matter nor in the file name; add date: YYYY-MM-DD");
  }
  auto date = parse_date(text);
  if (!date)
    throw Error(file, fm.line_of("date"), "date \"" + text + "\" is invalid; use YYYY-MM-DD");
  return *date;
}

bool draft_field(const FrontMatter& fm, const std::string& file) {
  const Value* value = fm.data.find("draft");
  if (value == nullptr) return false;
  if (!value->is_bool()) throw Error(file, fm.line_of("draft"), "\"draft\" must be true or false");
  return value->as_bool();
}

}  // namespace digestif::plugins::digest_format
