// HttpSource: fetching the claimed URLs, expanding indexes, handing out the bytes.
#include "plugins/http_source/http_source.h"

#include <algorithm>

#include "core/url.h"
#include "plugins/http_fetch/content_hash.h"
#include "plugins/http_fetch/url_parts.h"
#include "plugins/http_source/index_parser.h"

namespace digestif::plugins::http_source {

HttpSource::HttpSource(PluginContext context, http_fetch::FetchOptions options)
    : context_(std::move(context)),
      session_(std::make_unique<http_fetch::RemoteSession>(context_, std::move(options))) {}

PartInfo HttpSource::info() const { return {"http_source", Stage::fetch, {}, {}}; }

bool HttpSource::claims(const SourceEntry& entry) const {
  if (!is_web_url(entry.location)) return false;
  auto parts = http_fetch::split_url(entry.location);
  return !parts || !http_fetch::is_reddit_post_path(parts->path);
}

/// Fetches `urls`; returns the documents among them and the entries of the indexes, fetched.
std::vector<std::string> HttpSource::expand_indexes(const std::vector<std::string>& urls,
                                                    std::vector<std::string>& listed) const {
  std::vector<http_fetch::RemoteTarget> targets;
  for (const std::string& url : urls) targets.push_back({url, url});
  std::map<std::string, std::string> fetched = session_->get(targets);
  std::vector<std::string> documents;
  std::vector<http_fetch::RemoteTarget> entries;
  for (const std::string& url : urls) {
    auto it = fetched.find(url);
    if (it == fetched.end()) continue;
    std::optional<IndexEntries> index = parse_index(it->second, url);
    if (!index) {
      documents.push_back(url);
      continue;
    }
    for (const std::string& problem : index->problems)
      context_.sink().report({Severity::error, url, 0, "index " + problem + "; fix the index"});
    for (const std::string& entry : index->urls) {
      entries.push_back({entry, entry});
      listed.push_back(entry);
    }
  }
  for (const auto& [url, bytes] : session_->get(entries)) {
    documents.push_back(url);
    bytes_[url] = bytes;
  }
  for (const std::string& url : documents)
    if (bytes_.count(url) == 0) bytes_[url] = fetched.at(url);
  return documents;
}

std::vector<SourceItem> HttpSource::discover() const {
  std::vector<std::string> urls;
  for (const SourceEntry& entry : context_.config().source_entries())
    if (claims(entry) && std::find(urls.begin(), urls.end(), entry.location) == urls.end()) {
      http_fetch::check_entry_options(context_, entry, {});
      urls.push_back(entry.location);
    }
  if (urls.empty()) return {};
  std::vector<std::string> listed = urls;
  std::vector<SourceItem> items;
  for (const std::string& url : expand_indexes(urls, listed))
    items.push_back({url, http_fetch::url_stem(url), {}, http_fetch::content_hash(bytes_.at(url))});
  session_->record(listed);
  std::sort(items.begin(), items.end(),
            [](const auto& a, const auto& b) { return a.origin < b.origin; });
  items.erase(std::unique(items.begin(), items.end(),
                          [](const auto& a, const auto& b) { return a.origin == b.origin; }),
              items.end());
  return items;
}

RawSource HttpSource::load(const SourceItem& item) const {
  return {item.origin, item.stem, bytes_.at(item.origin)};
}

}  // namespace digestif::plugins::http_source
