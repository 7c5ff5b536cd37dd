// RemoteSession: what a source plugin fetches in one build, through the cache and the lock.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/plugin_context.h"
#include "plugins/http_fetch/fetch_cache.h"
#include "plugins/http_fetch/fetch_lock.h"
#include "plugins/http_fetch/fetch_options.h"

namespace digestif::plugins::http_fetch {

/// A URL to fetch, and the name diagnostics show for it (the URL the user wrote).
struct RemoteTarget {
  std::string url;
  std::string origin;
};

/// Fetches through .digestif/cache/ (a copy younger than max_age is used unasked, an older one
/// revalidated with ETag / Last-Modified), records what it used in .digestif/fetch.lock.
/// --offline: the cache alone. A failed fetch with a copy warns and uses it; without one it is
/// an error for that URL (`URL: error: ...`) and the URL is left out.
class RemoteSession {
 public:
  RemoteSession(const PluginContext& context, FetchOptions options);

  /// The bytes of every target that could be had, by URL.
  std::map<std::string, std::string> get(const std::vector<RemoteTarget>& targets);

  /// Writes this plugin's entries into the fetch lock and adds the summary note about the
  /// sources that changed since the last build. `listed`: every URL this build wanted.
  void record(const std::vector<std::string>& listed);

 private:
  void store(const CachedCopy& copy);
  void use(const CachedCopy& copy);
  void fail(const RemoteTarget& target, const std::string& problem, const CachedCopy* copy);

  const PluginContext& context_;
  FetchOptions options_;
  FetchCache cache_;
  FetchLock used_;
  std::map<std::string, std::string> bytes_;
};

/// Warns, at the entry's site.yaml line, about each option of a `sources:` entry not in `known`.
void check_entry_options(const PluginContext& context, const SourceEntry& entry,
                         std::initializer_list<std::string_view> known);

/// Where the fetch lock of a site lives: <root>/.digestif/fetch.lock.
std::filesystem::path fetch_lock_path(const SiteConfig& config);

}  // namespace digestif::plugins::http_fetch
