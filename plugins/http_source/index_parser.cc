// Index parsing: JSON lists through nlohmann-json, plain lists line by line.
#include "plugins/http_source/index_parser.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/url.h"
#include "plugins/http_fetch/url_parts.h"

namespace digestif::plugins::http_source {
namespace {

std::string_view trimmed(std::string_view text) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && blank(text.back())) text.remove_suffix(1);
  return text;
}

/// Entries of one index beyond this are left out (a problem), so a hostile index cannot make a
/// build fetch without end.
constexpr std::size_t kMaxEntries = 10000;

/// Adds `reference` resolved against the index, or a problem for entry `number`.
void add_entry(IndexEntries& index, const std::string& reference, const std::string& index_url,
               std::size_t number) {
  if (number > kMaxEntries) {
    if (number == kMaxEntries + 1)
      index.problems.push_back("has more than " + std::to_string(kMaxEntries) +
                               " entries; the rest are left out");
    return;
  }
  auto url = http_fetch::resolve_url(index_url, reference);
  std::string label = "entry " + std::to_string(number) + ": \"" + reference.substr(0, 80) + "\"";
  if (!url || !is_web_url(*url)) {
    index.problems.push_back(label + " is not an http or https URL");
    return;
  }
  if (std::find(index.urls.begin(), index.urls.end(), *url) == index.urls.end())
    index.urls.push_back(*url);
}

IndexEntries json_index(std::string_view body, const std::string& index_url) {
  IndexEntries index;
  auto root = nlohmann::json::parse(body, nullptr, false);
  if (!root.is_array()) {
    index.problems.push_back("the index is not a valid JSON list");
    return index;
  }
  for (std::size_t i = 0; i < root.size(); ++i) {
    const auto& entry = root[i];
    if (entry.is_string())
      add_entry(index, entry.get<std::string>(), index_url, i + 1);
    else if (entry.is_object() && entry.contains("url") && entry["url"].is_string())
      add_entry(index, entry["url"].get<std::string>(), index_url, i + 1);
    else
      index.problems.push_back("entry " + std::to_string(i + 1) +
                               " is neither a URL nor an object with a \"url\"");
  }
  return index;
}

bool is_plain_url(std::string_view line) {
  return is_web_url(line) && line.find_first_of(" \t") == std::string_view::npos;
}

}  // namespace

std::optional<IndexEntries> parse_index(std::string_view body, const std::string& index_url) {
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  std::string_view text = trimmed(body);
  if (!text.empty() && text.front() == '[') return json_index(text, index_url);
  IndexEntries index;
  std::size_t number = 0;
  while (!text.empty()) {
    auto end = text.find('\n');
    std::string_view line = trimmed(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty() || line.front() == '#') continue;
    if (!is_plain_url(line)) return std::nullopt;
    add_entry(index, std::string(line), index_url, ++number);
  }
  if (number == 0) return std::nullopt;
  return index;
}

}  // namespace digestif::plugins::http_source
