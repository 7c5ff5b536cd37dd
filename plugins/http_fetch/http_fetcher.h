// fetch_all: many HTTP GETs at once on curl multi, under the limits of FetchOptions.
#pragma once

#include <string>
#include <vector>

#include "plugins/http_fetch/fetch_options.h"

namespace digestif::plugins::http_fetch {

/// A GET, conditional when validators of a cached copy are given.
struct FetchRequest {
  std::string url;
  std::string etag;           ///< sent as If-None-Match
  std::string last_modified;  ///< sent as If-Modified-Since
};

struct FetchResult {
  long status = 0;  ///< HTTP status of the last answer; 0 when none came
  std::string body;
  std::string etag;
  std::string last_modified;
  std::string error;  ///< why the transfer failed ("timed out after 2 s"); empty if it ran
  int attempts = 0;
  bool ok() const { return error.empty() && (status == 200 || status == 304); }
  /// What went wrong, for a diagnostic: the transfer error or "HTTP 404".
  std::string problem() const;
};

/// Runs every request concurrently (at most options.per_host per host, options.max_parallel
/// in all): http and https only, also on redirect (at most 5), TLS verified, bodies over
/// max_body aborted, 429 and 5xx tried again after Retry-After or a backoff (capped).
/// The results are in the order of the requests.
std::vector<FetchResult> fetch_all(const std::vector<FetchRequest>& requests,
                                   const FetchOptions& options);

}  // namespace digestif::plugins::http_fetch
