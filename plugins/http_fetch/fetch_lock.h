// FetchLock: .digestif/fetch.lock, what every remote source of the last build was.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace digestif::plugins::http_fetch {

struct LockEntry {
  std::string plugin;  ///< the source plugin that fetched it
  std::string etag;
  std::string last_modified;
  std::string hash;          ///< content_hash of the bytes the build used
  std::int64_t fetched = 0;  ///< unix seconds
  bool operator==(const LockEntry&) const = default;
};

/// URL -> entry, sorted by URL so the file is stable.
using FetchLock = std::map<std::string, LockEntry>;

/// JSON text of a lock (sorted, one entry per URL) and back; unreadable text is an empty lock.
std::string lock_text(const FetchLock& lock);
FetchLock parse_lock(const std::string& text);

FetchLock read_lock(const std::filesystem::path& file);
/// Writes through a temporary file and a rename.
void write_lock(const std::filesystem::path& file, const FetchLock& lock);

/// The URLs of `current` whose content differs from `previous` or that it lacks.
std::vector<std::string> changed_urls(const FetchLock& previous, const FetchLock& current);

/// `previous` with `plugin`'s entries replaced by `current` (its URLs no longer listed dropped,
/// those listed but not fetched this time kept).
FetchLock merged_lock(const FetchLock& previous, const FetchLock& current,
                      const std::string& plugin, const std::vector<std::string>& listed);

}  // namespace digestif::plugins::http_fetch
