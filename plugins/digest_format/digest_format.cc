// DigestFormat: reading front matter fields into a Document, with file:line errors.
#include "plugins/digest_format/digest_format.h"

#include "core/front_matter.h"

namespace digestif::plugins::digest_format {
namespace {

std::string_view without_bom(std::string_view text) {
  return text.substr(0, 3) == "\xEF\xBB\xBF" ? text.substr(3) : text;
}

std::string text_field(const FrontMatter& fm, const std::string& file, std::string_view key) {
  const Value* value = fm.data.find(key);
  if (value == nullptr || value->is_null()) return {};
  if (value->is_array() || value->is_object())
    throw Error(file, fm.line_of(key), "\"" + std::string(key) + "\" must be text, not a list or map; quote it");
  return value->to_text();
}

std::vector<std::string> tags_field(const FrontMatter& fm, const std::string& file) {
  const Value* value = fm.data.find("tags");
  std::vector<std::string> tags;
  if (value == nullptr || value->is_null()) return tags;
  if (!value->is_array())
    throw Error(file, fm.line_of("tags"), "\"tags\" must be a list, e.g. tags: [\"ai\", \"reddit\"]");
  for (const Value& tag : value->as_array()) {
    if (tag.is_array() || tag.is_object())
      throw Error(file, fm.line_of("tags"), "each tag must be text; found a list or map inside \"tags\"");
    if (!tag.to_text().empty()) tags.push_back(tag.to_text());
  }
  return tags;
}

Timestamp date_field(const FrontMatter& fm, const RawSource& raw) {
  std::string text = text_field(fm, raw.origin, "date");
  if (text.empty()) {
    if (auto from_name = parse_date(raw.stem.substr(0, 10))) return *from_name;
    throw Error(raw.origin, fm.line, "no \"date\" in the front matter nor in the file name; add date: YYYY-MM-DD");
  }
  auto date = parse_date(text);
  if (!date)
    throw Error(raw.origin, fm.line_of("date"), "date \"" + text + "\" is invalid; use YYYY-MM-DD");
  return *date;
}

bool draft_field(const FrontMatter& fm, const std::string& file) {
  const Value* value = fm.data.find("draft");
  if (value == nullptr) return false;
  if (!value->is_bool()) throw Error(file, fm.line_of("draft"), "\"draft\" must be true or false");
  return value->as_bool();
}

}  // namespace

PartInfo DigestFormat::info() const { return {"digest_format", Stage::fetch, {}, {"document"}}; }

bool DigestFormat::accepts(const RawSource& raw) const {
  std::string_view text = without_bom(raw.bytes);
  return text.substr(0, 3) == "---";
}

Document DigestFormat::parse(const RawSource& raw) const {
  FrontMatter fm = split_front_matter(raw.bytes, raw.origin);
  Document document;
  document.kind = "digest";
  document.title = text_field(fm, raw.origin, "title");
  if (document.title.empty())
    throw Error(raw.origin, fm.line, "the front matter has no \"title\"; add title: \"...\"");
  document.description = text_field(fm, raw.origin, "description");
  document.date = date_field(fm, raw);
  document.tags = tags_field(fm, raw.origin);
  document.draft = draft_field(fm, raw.origin);
  document.body = std::string(fm.body);
  document.body_line = fm.body_line;
  document.front_matter = std::move(fm.data);
  return document;
}

}  // namespace digestif::plugins::digest_format
