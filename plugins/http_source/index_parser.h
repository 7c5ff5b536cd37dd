// Index parsing: a fetched body that lists documents to fetch (a JSON list or one URL a line).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace digestif::plugins::http_source {

/// The URLs of an index (absolute, resolved against the index's URL) and what was wrong with
/// the entries left out.
struct IndexEntries {
  std::vector<std::string> urls;
  std::vector<std::string> problems;  ///< "entry 3: \"file:///x\" is not an http or https URL"
};

/// Nothing when the body is a document rather than an index. An index is a JSON array (of URL
/// strings or of objects with a "url") or a text whose every line, blank lines and '#' comments
/// aside, is an absolute http(s) URL. JSON entries may be relative to `index_url`. At most
/// 10000 entries are kept.
std::optional<IndexEntries> parse_index(std::string_view body, const std::string& index_url);

}  // namespace digestif::plugins::http_source
