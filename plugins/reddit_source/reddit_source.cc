// RedditSource: claiming post URLs, fetching their JSON, converting it to review text.
#include "plugins/reddit_source/reddit_source.h"

#include <algorithm>

#include "core/url.h"
#include "plugins/http_fetch/content_hash.h"
#include "plugins/http_fetch/url_parts.h"
#include "plugins/reddit_source/reddit_review.h"

namespace digestif::plugins::reddit_source {

std::string post_json_url(const std::string& post_url) {
  std::string url = post_url.substr(0, post_url.find_first_of("?#"));
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url + ".json";
}

RedditSource::RedditSource(PluginContext context, http_fetch::FetchOptions fetch,
                           RedditOptions options)
    : context_(std::move(context)),
      options_(std::move(options)),
      session_(std::make_unique<http_fetch::RemoteSession>(context_, std::move(fetch))) {}

PartInfo RedditSource::info() const { return {"reddit_source", Stage::fetch, {}, {}}; }

bool RedditSource::claims(const SourceEntry& entry) const {
  if (!is_web_url(entry.location)) return false;
  auto parts = http_fetch::split_url(entry.location);
  return parts && http_fetch::is_reddit_post_path(parts->path) &&
         std::find(options_.hosts.begin(), options_.hosts.end(), parts->host) !=
             options_.hosts.end();
}

int RedditSource::comments_of(const SourceEntry& entry) const {
  const Value* value = entry.options.find("comments");
  if (value == nullptr) return options_.comments;
  if (!value->is_int() || value->as_int() < 0 || value->as_int() > 500)
    throw Error(context_.config().file.string(), entry.line,
                "\"comments\" must be a whole number from 0 to 500");
  return static_cast<int>(value->as_int());
}

std::vector<SourceItem> RedditSource::discover() const {
  std::vector<SourceEntry> entries;
  std::vector<http_fetch::RemoteTarget> targets;
  std::vector<std::string> listed;
  for (const SourceEntry& entry : context_.config().source_entries()) {
    if (!claims(entry)) continue;
    http_fetch::check_entry_options(context_, entry, {"comments"});
    entries.push_back(entry);
    targets.push_back({post_json_url(entry.location), entry.location});
    listed.push_back(targets.back().url);
  }
  if (entries.empty()) return {};
  std::map<std::string, std::string> fetched = session_->get(targets);
  session_->record(listed);
  std::vector<SourceItem> items;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto it = fetched.find(targets[i].url);
    if (it == fetched.end() || texts_.count(entries[i].location) != 0) continue;
    try {
      texts_[entries[i].location] =
          reddit_review_text(it->second, entries[i].location, comments_of(entries[i]));
    } catch (const Error& error) {
      context_.sink().report(error.diagnostic());
      continue;
    }
    const std::string& text = texts_[entries[i].location];
    items.push_back({entries[i].location,
                     http_fetch::url_stem(entries[i].location),
                     {},
                     http_fetch::content_hash(text)});
  }
  return items;
}

RawSource RedditSource::load(const SourceItem& item) const {
  return {item.origin, item.stem, texts_.at(item.origin)};
}

}  // namespace digestif::plugins::reddit_source
