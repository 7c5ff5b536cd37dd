// Retry-After: how long to wait before trying a 429 or 5xx answer again.
#pragma once

#include <ctime>
#include <optional>
#include <string_view>

namespace digestif::plugins::http_fetch {

/// The wait a Retry-After header asks for, in milliseconds: delta-seconds ("120") or an
/// HTTP-date (a date in the past gives 0). Nothing for an empty or unreadable value.
std::optional<long> parse_retry_after(std::string_view value, std::time_t now);

/// The wait before attempt `attempt` + 1 (attempt counts from 1): what Retry-After asks, or
/// else `backoff_ms` doubled per earlier attempt; never more than `cap_ms`.
long retry_wait(int attempt, std::optional<long> retry_after_ms, long backoff_ms, long cap_ms);

}  // namespace digestif::plugins::http_fetch
