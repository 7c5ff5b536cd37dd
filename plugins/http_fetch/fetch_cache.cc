// FetchCache: reading and atomically writing cached bodies and their JSON records.
#include "plugins/http_fetch/fetch_cache.h"

#include <nlohmann/json.hpp>

#include "core/output_writer.h"
#include "plugins/http_fetch/content_hash.h"

namespace digestif::plugins::http_fetch {

std::filesystem::path FetchCache::file_of(const std::string& url, const char* extension) const {
  return folder_ / (content_hash(url).substr(7, 32) + extension);
}

std::optional<CachedCopy> FetchCache::get(const std::string& url) const {
  std::error_code error;
  if (!std::filesystem::exists(file_of(url, ".json"), error)) return std::nullopt;
  try {
    auto record = nlohmann::json::parse(read_file(file_of(url, ".json")));
    CachedCopy copy{record.at("url").get<std::string>(),
                    read_file(file_of(url, ".body")),
                    record.value("etag", ""),
                    record.value("last_modified", ""),
                    record.at("fetched").get<std::int64_t>(),
                    record.at("hash").get<std::string>()};
    if (copy.url != url || content_hash(copy.body) != copy.hash) return std::nullopt;
    return copy;
  } catch (const std::exception&) {
    return std::nullopt;  // a damaged record is a missing one: the URL is fetched again
  }
}

void FetchCache::put(const CachedCopy& copy) const {
  nlohmann::json record = {{"url", copy.url},
                           {"etag", copy.etag},
                           {"last_modified", copy.last_modified},
                           {"fetched", copy.fetched},
                           {"hash", copy.hash}};
  write_file_atomically(file_of(copy.url, ".body"), copy.body);
  write_file_atomically(file_of(copy.url, ".json"), record.dump(2) + "\n");
}

}  // namespace digestif::plugins::http_fetch
