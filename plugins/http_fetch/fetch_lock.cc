// FetchLock: JSON reading, atomic writing, comparing and merging.
#include "plugins/http_fetch/fetch_lock.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/output_writer.h"

namespace digestif::plugins::http_fetch {

std::string lock_text(const FetchLock& lock) {
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& [url, entry] : lock)
    sources.push_back({{"url", url},
                       {"plugin", entry.plugin},
                       {"etag", entry.etag},
                       {"last_modified", entry.last_modified},
                       {"hash", entry.hash},
                       {"fetched", entry.fetched}});
  nlohmann::json root = {{"version", 1}, {"sources", sources}};
  return root.dump(2) + "\n";
}

FetchLock parse_lock(const std::string& text) {
  FetchLock lock;
  auto root = nlohmann::json::parse(text, nullptr, false);
  if (!root.is_object() || !root.contains("sources") || !root["sources"].is_array()) return lock;
  for (const auto& source : root["sources"]) {
    if (!source.is_object() || !source.contains("url") || !source["url"].is_string()) continue;
    auto text_of = [&](const char* key) {
      return source.contains(key) && source[key].is_string() ? source[key].get<std::string>()
                                                             : std::string();
    };
    std::int64_t fetched = source.contains("fetched") && source["fetched"].is_number_integer()
                               ? source["fetched"].get<std::int64_t>()
                               : 0;
    lock[source["url"].get<std::string>()] = {text_of("plugin"), text_of("etag"),
                                              text_of("last_modified"), text_of("hash"), fetched};
  }
  return lock;
}

FetchLock read_lock(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::exists(file, error)) return {};
  try {
    return parse_lock(read_file(file));
  } catch (const std::exception&) {
    return {};
  }
}

void write_lock(const std::filesystem::path& file, const FetchLock& lock) {
  write_file_atomically(file, lock_text(lock));
}

std::vector<std::string> changed_urls(const FetchLock& previous, const FetchLock& current) {
  std::vector<std::string> changed;
  for (const auto& [url, entry] : current) {
    auto old = previous.find(url);
    if (old == previous.end() || old->second.hash != entry.hash) changed.push_back(url);
  }
  return changed;
}

FetchLock merged_lock(const FetchLock& previous, const FetchLock& current,
                      const std::string& plugin, const std::vector<std::string>& listed) {
  FetchLock merged;
  for (const auto& [url, entry] : previous) {
    bool still_listed = std::find(listed.begin(), listed.end(), url) != listed.end();
    if (entry.plugin != plugin || still_listed) merged[url] = entry;
  }
  for (const auto& [url, entry] : current) merged[url] = entry;
  return merged;
}

}  // namespace digestif::plugins::http_fetch
