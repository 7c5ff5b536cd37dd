// Retry-After parsing (delta-seconds or HTTP-date) and the capped exponential backoff.
#include "plugins/http_fetch/retry_after.h"

#include <algorithm>
#include <charconv>
#include <string>

#include "plugins/http_fetch/curl_library.h"

namespace digestif::plugins::http_fetch {

std::optional<long> parse_retry_after(std::string_view value, std::time_t now) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t' || value.back() == '\r'))
    value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  long seconds = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error == std::errc() && end == value.data() + value.size())
    return seconds < 0 ? std::nullopt : std::optional<long>(std::min(seconds, 86400L) * 1000);
  std::time_t when = curl().getdate(std::string(value).c_str(), nullptr);
  if (when == -1) return std::nullopt;
  return when <= now ? 0 : std::min<long>(when - now, 86400L) * 1000;
}

long retry_wait(int attempt, std::optional<long> retry_after_ms, long backoff_ms, long cap_ms) {
  if (retry_after_ms) return std::min(*retry_after_ms, cap_ms);
  long wait = backoff_ms;
  for (int i = 1; i < attempt && wait < cap_ms; ++i) wait *= 2;
  return std::min(wait, cap_ms);
}

}  // namespace digestif::plugins::http_fetch
