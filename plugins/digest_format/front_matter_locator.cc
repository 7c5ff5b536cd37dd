// Front matter locator: scanning lines for the first block that is a front matter.
#include "plugins/digest_format/front_matter_locator.h"

#include <optional>

#include "plugins/digest_format/text_lines.h"

namespace digestif::plugins::digest_format {
namespace {

std::string_view rtrim(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

/// Index of the first line after `from` that is exactly `fence`, or npos.
std::size_t find_closing(const std::vector<std::string_view>& lines, std::size_t from,
                         std::string_view fence) {
  for (std::size_t i = from + 1; i < lines.size(); ++i)
    if (rtrim(lines[i]) == fence) return i;
  return std::string_view::npos;
}

bool has_title_key(const std::vector<std::string_view>& lines, std::size_t open,
                   std::size_t close) {
  for (std::size_t i = open + 1; i < close; ++i)
    if (key_of(lines[i]) == "title") return true;
  return false;
}

bool has_title_member(const std::vector<std::string_view>& lines, std::size_t open,
                      std::size_t close) {
  for (std::size_t i = open + 1; i < close; ++i)
    if (trim(lines[i]).starts_with("\"title\"")) return true;
  return false;
}

/// A YAML block fenced by `fence` opening at line `i`, when it is a front matter.
std::optional<FrontMatterSpot> fenced_at(const std::vector<std::string_view>& lines, std::size_t i,
                                         std::string_view fence, FrontMatterKind kind) {
  if (rtrim(lines[i]) != fence || i + 1 >= lines.size() || !is_key_line(lines[i + 1]))
    return std::nullopt;
  std::size_t close = find_closing(lines, i, fence);
  if (close == std::string_view::npos || !has_title_key(lines, i, close)) return std::nullopt;
  return FrontMatterSpot{kind, i, close};
}

std::optional<FrontMatterSpot> json_at(const std::vector<std::string_view>& lines, std::size_t i) {
  if (rtrim(lines[i]) != "{") return std::nullopt;
  std::size_t close = find_closing(lines, i, "}");
  if (close == std::string_view::npos || !has_title_member(lines, i, close)) return std::nullopt;
  return FrontMatterSpot{FrontMatterKind::json, i, close};
}

std::optional<FrontMatterSpot> spot_at(const std::vector<std::string_view>& lines, std::size_t i) {
  if (auto spot = fenced_at(lines, i, "---", FrontMatterKind::yaml)) return spot;
  if (auto spot = fenced_at(lines, i, "~~~", FrontMatterKind::tilde)) return spot;
  return json_at(lines, i);
}

}  // namespace

std::string_view kind_name(FrontMatterKind kind) {
  switch (kind) {
    case FrontMatterKind::yaml:
      return "YAML";
    case FrontMatterKind::tilde:
      return "YAML between \"~~~\" lines";
    case FrontMatterKind::json:
      return "JSON";
    case FrontMatterKind::none:
      break;
  }
  return "none";
}

FrontMatterSpot locate_front_matter(const std::vector<std::string_view>& lines) {
  if (!lines.empty() && rtrim(lines[0]) == "---")
    return {FrontMatterKind::yaml, 0, find_closing(lines, 0, "---")};
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (auto spot = spot_at(lines, i)) return *spot;
  return {};
}

}  // namespace digestif::plugins::digest_format
