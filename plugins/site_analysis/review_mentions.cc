// ReviewMentions: joining review posts and catalogued threads on the Reddit post id.
#include "plugins/site_analysis/review_mentions.h"

#include <map>
#include <set>

namespace digestif::plugins::site_analysis {
namespace {

/// post id -> {anchor, rank} of the catalog entries that have a post id.
std::map<std::string, Value> catalog_by_post_id(const Site& site) {
  std::map<std::string, Value> found;
  const Value* threads = site.data.find("threads");
  if (threads == nullptr || !threads->is_array()) return found;
  for (const Value& entry : threads->as_array())
    if (std::string id = entry.get_string("post_id"); !id.empty())
      found.emplace(
          id, Value::Object{{"anchor", entry.get_string("anchor")}, {"rank", *entry.find("rank")}});
  return found;
}

Value mention_value(const Document& review, const Value& post, const SiteConfig& config) {
  std::string url = config.url_of(review.permalink);
  std::string anchor = post.get_string("theme_anchor");
  return Value::Object{{"title", review.data.get_string("heading", review.title)},
                       {"url", url},
                       {"theme", post.get_string("theme")},
                       {"has_theme", !post.get_string("theme").empty()},
                       {"theme_url", anchor.empty() ? url : url + "#" + anchor}};
}

}  // namespace

PartInfo ReviewMentions::info() const {
  return {"review_mentions",
          Stage::analyze,
          {"document.review", "site.threads"},
          {"site.review_mentions", "site.review_links"}};
}

void ReviewMentions::analyze(Site& site) const {
  std::map<std::string, Value> catalog = catalog_by_post_id(site);
  Value mentions = Value::object(), links = Value::object();
  for (const Document* document : site.documents) {
    const Value* review = document->data.find("review");
    const Value* posts = review ? review->find("posts") : nullptr;
    if (posts == nullptr || !posts->is_array()) continue;
    Value own = Value::object();
    std::set<std::string> seen;
    for (const Value& post : posts->as_array()) {
      std::string id = post.get_string("post_id");
      auto it = catalog.find(id);
      if (id.empty() || it == catalog.end() || !seen.insert(id).second) continue;
      own[id] = it->second;
      mentions["id:" + id].push_back(mention_value(*document, post, site.config));
    }
    links[document->permalink] = std::move(own);
  }
  site.data["review_mentions"] = std::move(mentions);
  site.data["review_links"] = std::move(links);
}

}  // namespace digestif::plugins::site_analysis
