// FetchCache: fetched bodies and their validators on disk, under .digestif/cache/.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace digestif::plugins::http_fetch {

/// One cached response: its body and what revalidates it.
struct CachedCopy {
  std::string url;
  std::string body;
  std::string etag;
  std::string last_modified;
  std::int64_t fetched = 0;  ///< unix seconds of the last 200 or 304
  std::string hash;          ///< content_hash(body)
};

/// Two files per URL (named by the hash of the URL): the body and a JSON record. Both are
/// written atomically; a copy whose body does not match its recorded hash is no copy.
class FetchCache {
 public:
  explicit FetchCache(std::filesystem::path folder) : folder_(std::move(folder)) {}
  std::optional<CachedCopy> get(const std::string& url) const;
  void put(const CachedCopy& copy) const;

 private:
  std::filesystem::path file_of(const std::string& url, const char* extension) const;
  std::filesystem::path folder_;
};

}  // namespace digestif::plugins::http_fetch
