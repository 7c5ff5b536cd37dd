// ETags: a validator of the bytes served, and the If-None-Match check that answers 304.
#pragma once

#include <string>
#include <string_view>

namespace digestif::cli {

/// A strong ETag ("\"<16 hex digits>\"") of these bytes (FNV-1a, 64 bits).
std::string etag_of(std::string_view bytes);

/// Whether an If-None-Match header value (a list, "*", weak tags allowed) names `etag`.
bool if_none_match_matches(std::string_view header, std::string_view etag);

}  // namespace digestif::cli
