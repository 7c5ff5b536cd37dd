// Analysis links: review outlines, trends, charts and review mentions as page data.
#include "plugins/pages/analysis_links.h"

#include "plugins/pages/heading_anchors.h"
#include "plugins/pages/page_model.h"

namespace digestif::plugins::pages {
namespace {

/// A review post with its link to the threads page, when its thread is catalogued there.
Value review_post_value(const Value& post, const Value* links, const Site& site) {
  Value value = post;
  const Value* link = links ? links->find(post.get_string("post_id")) : nullptr;
  std::string url =
      link ? threads_page_url(site, link->get_string("anchor"), link->find("rank")) : "";
  value["has_threads_page"] = !url.empty();
  value["threads_page_url"] = url;
  return value;
}

Value posts_value(const Value* posts, const Value* links, const Site& site) {
  Value list = Value::array();
  if (posts != nullptr && posts->is_array())
    for (const Value& post : posts->as_array())
      list.push_back(review_post_value(post, links, site));
  return list;
}

void mark_threads_page(Value& threads, const Site& site) {
  if (!threads.is_array()) return;
  for (Value& thread : threads.as_array()) {
    std::string url =
        threads_page_url(site, thread.get_string("anchor"), thread.find("catalog_rank"));
    thread["has_threads_page"] = !url.empty();
    thread["threads_page_url"] = url;
  }
}

}  // namespace

std::string threads_page_url(const Site& site, const std::string& anchor, const Value* rank) {
  if (anchor.empty() || rank == nullptr || !rank->is_int() || rank->as_int() > kThreadsPageLimit)
    return "";
  return url_of(site, "/threads/") + "#" + anchor;
}

void add_review_outline(Value& value, std::string& html, const Document& document,
                        const Site& site) {
  const Value* review = document.data.find("review");
  const Value* themes = review ? review->find("themes") : nullptr;
  if (themes == nullptr || !themes->is_array()) return;
  const Value* all_links = site.data.find("review_links");
  const Value* links = all_links ? all_links->find(document.permalink) : nullptr;
  std::vector<HeadingAnchor> anchors;
  for (const Value& theme : themes->as_array())
    anchors.push_back({theme.get_string("slug"), theme.get_string("anchor")});
  AnchoredHtml anchored = anchor_headings(html, anchors);
  html = std::move(anchored.html);
  Value toc = Value::array();
  for (const Value& theme : themes->as_array()) {
    std::string anchor = theme.get_string("anchor");
    toc.push_back(Value::Object{{"title", theme.get_string("title")},
                                {"anchor", anchor},
                                {"url", "#" + anchor},
                                {"has_anchor", anchored.placed.count(anchor) != 0},
                                {"post_count", *theme.find("post_count")},
                                {"posts", posts_value(theme.find("posts"), links, site)}});
  }
  value["has_toc"] = toc.size() > 0;
  value["toc"] = std::move(toc);
  value["review_posts"] = posts_value(review->find("posts"), links, site);
  value["has_review_posts"] = value["review_posts"].size() > 0;
  value["review_post_count"] = static_cast<long>(value["review_posts"].size());
  long linked = 0;
  for (const Value& post : value["review_posts"].as_array())
    linked += post.find("has_threads_page")->as_bool() ? 1 : 0;
  value["review_linked_count"] = linked;
}

Value trends_value(const Site& site) {
  const Value* found = site.data.find("trends");
  if (found == nullptr) return Value::Object{{"has_months", false}};
  Value trends = *found;
  for (const char* period : {"months", "years"})
    if (Value* list = &trends[period]; list->is_array())
      for (Value& item : list->as_array()) mark_threads_page(item["top_threads"], site);
  return trends;
}

Value charts_value(const Site& site, const std::string& group, const std::string& key) {
  const Value* charts = site.data.find("charts");
  const Value* found = charts ? charts->find(group) : nullptr;
  if (found != nullptr && !key.empty()) found = found->find(key);
  return found ? *found : Value::Object{{"has_charts", false}};
}

void add_review_mentions(Value& entry, const Site& site) {
  const Value* mentions = site.data.find("review_mentions");
  const Value* own = mentions ? mentions->find(entry.get_string("key")) : nullptr;
  entry["reviews"] = own ? *own : Value::array();
  entry["has_reviews"] = entry["reviews"].size() > 0;
}

}  // namespace digestif::plugins::pages
