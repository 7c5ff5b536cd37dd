// ETags: a validator of the bytes served, and the If-None-Match check that answers 304.
#include "cli/serve/etag.h"

#include <cstdint>
#include <cstdio>

namespace digestif::cli {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

std::string etag_of(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  char text[24];
  std::snprintf(text, sizeof text, "\"%016llx\"", static_cast<unsigned long long>(hash));
  return text;
}

bool if_none_match_matches(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    std::size_t comma = header.find(',');
    std::string_view candidate = trimmed(header.substr(0, comma));
    if (candidate == "*") return true;
    if (candidate.substr(0, 2) == "W/") candidate.remove_prefix(2);
    if (candidate == etag) return true;
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace digestif::cli
