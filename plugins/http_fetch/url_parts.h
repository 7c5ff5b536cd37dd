// URL helpers for fetching: resolving references, the stem of a URL, its host.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace digestif::plugins::http_fetch {

/// `reference` (absolute or relative) resolved against `base`; nothing when either is invalid.
std::optional<std::string> resolve_url(const std::string& base, const std::string& reference);

/// The parts of a URL curl can read; nothing for an unreadable one.
struct UrlParts {
  std::string scheme, host, path;  ///< scheme and host lowercase; path percent-encoded
};
std::optional<UrlParts> split_url(const std::string& url);

/// True for the path of a Reddit post, "/r/<subreddit>/comments/<id>[/<slug>][/]", whatever
/// the host: plain HTTP sources leave such URLs to the Reddit source.
bool is_reddit_post_path(std::string_view path);

/// The last non-empty path segment, percent-decoded, without its extension: the default slug
/// of a fetched document ("https://x.org/d/2025-03-11-ml.md?a=1" -> "2025-03-11-ml").
std::string url_stem(const std::string& url);

}  // namespace digestif::plugins::http_fetch
