// FetchOptions: the limits and manners of fetching over HTTP, read from a plugin's options.
#pragma once

#include <cstddef>
#include <string>

#include "core/plugin_context.h"

namespace digestif::plugins::http_fetch {

/// Every limit a transfer runs under; times in milliseconds.
struct FetchOptions {
  std::string user_agent;
  long connect_timeout_ms = 10000;
  long timeout_ms = 30000;          ///< whole transfer, redirects included
  std::size_t max_body = 16 << 20;  ///< bytes; a larger body aborts the transfer
  int per_host = 4;                 ///< transfers at once to one host
  int max_parallel = 16;            ///< transfers at once in all
  int retries = 2;                  ///< extra attempts after a 429 or 5xx answer
  long retry_wait_ms = 30000;       ///< cap on one wait (Retry-After or backoff)
  long backoff_ms = 1000;  ///< first wait without Retry-After (retry_wait / 4 at most); doubles
  long max_age_s = 3600;   ///< a cached copy younger than this is used unasked
};

/// The option names read_fetch_options understands, for check_options.
#define DIGESTIF_FETCH_OPTION_NAMES                                                         \
  "user_agent", "max_age", "connect_timeout", "timeout", "max_body", "per_host", "retries", \
      "retry_wait"

/// The default User-Agent: "digestif/<version> (+https://github.com/digestif/digestif)".
std::string default_user_agent();

/// Reads the options (times in seconds, fractions allowed); a wrong type or a value out of
/// range is an Error at the plugin's site.yaml line.
FetchOptions read_fetch_options(const PluginContext& context);

}  // namespace digestif::plugins::http_fetch
