// RedditSource: Reddit posts given by URL, fetched as JSON and read as yearly reviews.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/plugin.h"
#include "plugins/http_fetch/remote_session.h"

namespace digestif::plugins::reddit_source {

/// What the plugin's options say besides the fetch options.
struct RedditOptions {
  int comments = 10;  ///< top comments kept; an entry's "comments" overrides
  std::vector<std::string> hosts = {"www.reddit.com", "reddit.com", "old.reddit.com"};
};

/// Claims `sources:` URLs of a Reddit post (/r/<sub>/comments/<id>/<slug>/ on one of `hosts`),
/// fetches `<post url>.json` for each at once in discover(), and hands out the post turned into
/// review text, so the review format makes the same page as for a review file.
class RedditSource : public Source {
 public:
  RedditSource(PluginContext context, http_fetch::FetchOptions fetch, RedditOptions options);
  PartInfo info() const override;
  bool claims(const SourceEntry& entry) const override;
  std::vector<SourceItem> discover() const override;
  RawSource load(const SourceItem& item) const override;

 private:
  int comments_of(const SourceEntry& entry) const;

  PluginContext context_;
  RedditOptions options_;
  std::unique_ptr<http_fetch::RemoteSession> session_;
  mutable std::map<std::string, std::string> texts_;  // post URL -> review text
};

/// "https://www.reddit.com/r/X/comments/ID/slug/?q#f" -> ".../comments/ID/slug.json".
std::string post_json_url(const std::string& post_url);

}  // namespace digestif::plugins::reddit_source
