// URLs that digestif writes: which links are safe to publish, and encoding of URL paths.
#pragma once

#include <string>
#include <string_view>

namespace digestif {

/// True for http:// and https:// URLs (any case) only: links taken from content must never
/// carry javascript:, data:, file: or other schemes into a page or a feed.
bool is_web_url(std::string_view url);

/// Percent-encodes every byte of a URL path outside A-Z a-z 0-9 - . _ ~ / (UTF-8 slugs
/// included), so the result is a valid URI path: "/tags/é/" -> "/tags/%C3%A9/".
std::string encode_url_path(std::string_view path);

}  // namespace digestif
