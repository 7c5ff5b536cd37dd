// content_hash: the SHA-256 of fetched bytes, as the fetch lock and the cache record it.
#pragma once

#include <string>
#include <string_view>

namespace digestif::plugins::http_fetch {

/// "sha256:" followed by 64 lowercase hex digits.
std::string content_hash(std::string_view bytes);

}  // namespace digestif::plugins::http_fetch
