// ReviewMentions: joining review posts and catalogued threads on the Reddit post id.
#include "plugins/site_analysis/review_mentions.h"

#include <map>
#include <set>

#include "plugins/site_analysis/document_reads.h"
#include "plugins/site_analysis/thread_catalog.h"

namespace digestif::plugins::site_analysis {
namespace {

/// The Reddit post ids the reviews link to.
std::set<std::string> posts_of_reviews(const Site& site) {
  std::set<std::string> ids;
  for (const Document* document : site.documents) {
    const Value* review = document->data.find("review");
    const Value* posts = review ? review->find("posts") : nullptr;
    if (posts != nullptr && posts->is_array())
      for (const Value& post : posts->as_array()) ids.insert(post.get_string("post_id"));
  }
  ids.erase("");
  return ids;
}

/// post id -> {anchor, rank} of the catalogued threads that `wanted` names.
std::map<std::string, Value> catalog_by_post_id(const Site& site,
                                                const std::set<std::string>& wanted) {
  std::map<std::string, Value> found;
  for (const Document* document : site.documents) {
    const Value* threads = document->data.find("threads");
    if (threads == nullptr || !threads->is_array()) continue;
    for (std::size_t position = 0; position < threads->size(); ++position) {
      std::string id = threads->as_array()[position].get_string("post_id");
      if (wanted.count(id) == 0 || found.count(id) != 0) continue;
      if (const Value* entry = catalog_entry(site, *document, position))
        found.emplace(id, Value::Object{{"anchor", entry->get_string("anchor")},
                                        {"rank", *entry->find("rank")}});
    }
  }
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
          {"document.review", "document.threads", "site.thread_index"},
          {"site.review_mentions", "site.review_links"}};
}

void ReviewMentions::analyze(Site& site) const {
  std::map<std::string, Value> catalog = catalog_by_post_id(site, posts_of_reviews(site));
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

bool ReviewMentions::fingerprint_document(const Document& document,
                                          Fingerprint& fingerprint) const {
  add_listing(document, fingerprint);
  fingerprint.add_members(document.data, {"review"})
      .add_members(document.data.find("threads"), {"post_id"});
  return true;
}

}  // namespace digestif::plugins::site_analysis
