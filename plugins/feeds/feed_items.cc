// Feed items: selecting a feed's documents and describing them for the writers.
#include "plugins/feeds/feed_items.h"

#include <algorithm>
#include <set>

#include "core/diagnostic.h"
#include "plugins/feeds/feed_text.h"

namespace digestif::plugins::feeds {
namespace {

/// The document's normalized tag names from site.data["document_tags"], else as written.
std::vector<std::string> tag_names(const Site& site, const Document& document) {
  const Value* by_document = site.data.find("document_tags");
  const Value* tags = by_document ? by_document->find(document.permalink) : nullptr;
  if (tags == nullptr || !tags->is_array()) return document.tags;
  std::vector<std::string> names;
  for (const Value& tag : tags->as_array()) {
    std::string name = tag.get_string("name");
    if (!name.empty()) names.push_back(std::move(name));
  }
  return names;
}

std::string item_title(const Document& document) {
  std::string heading = document.data.get_string("heading");
  return heading.empty() ? document.title : heading;
}

std::set<std::string, std::less<>> tag_documents(const Value& tag) {
  std::set<std::string, std::less<>> permalinks;
  const Value* documents = tag.find("documents");
  if (documents == nullptr || !documents->is_array()) return permalinks;
  for (const Value& permalink : documents->as_array())
    if (permalink.is_string()) permalinks.insert(permalink.as_string());
  return permalinks;
}

/// Absolute URL of the page of `tag`: its "url" (root-relative, with the base path), else
/// base_path + "tags/<slug>/".
std::string tag_page_url(const SiteConfig& config, const Value& tag) {
  std::string url = tag.get_string("url");
  if (url.empty()) url = config.url_of("/tags/" + tag.get_string("slug") + "/");
  return config.absolute_url(url);
}

/// Title, description, language, authors and home page of the site-wide feed.
Feed site_feed_head(const SiteConfig& config) {
  Feed feed;
  feed.title = config.title;
  feed.description = config.description.empty() ? config.title : config.description;
  feed.language = config.language;
  feed.author = config.author;
  feed.author_name = config.author.empty() ? config.title : config.author;
  feed.home_url = config.absolute_url(config.base_path());
  return feed;
}

}  // namespace

Timestamp Feed::updated() const {
  Timestamp newest{};
  for (const FeedItem& item : items) newest = std::max(newest, item.date);
  return newest;
}

std::string document_url(const SiteConfig& config, const Document& document) {
  return config.absolute_url(config.url_of(document.permalink));
}

FeedItem describe_item(const Site& site, const Document& document) {
  const SiteConfig& config = site.config;
  FeedItem item;
  item.title = item_title(document);
  item.url = document_url(config, document);
  item.summary = document.description.empty()
                     ? truncate_text(html_to_text(document.html), kExcerptBytes)
                     : document.description;
  item.content_html = document.html;
  item.date = document.date;
  item.tags = tag_names(site, document);
  return item;
}

const Value* find_tag(const Site& site, std::string_view slug) {
  const Value* tags = site.data.find("tags");
  if (tags == nullptr || !tags->is_array()) return nullptr;
  for (const Value& tag : tags->as_array())
    if (tag.get_string("slug") == slug) return &tag;
  return nullptr;
}

std::vector<std::string> tag_slugs(const Site& site) {
  std::vector<std::string> slugs;
  const Value* tags = site.data.find("tags");
  if (tags == nullptr || !tags->is_array()) return slugs;
  for (const Value& tag : tags->as_array()) {
    std::string slug = tag.get_string("slug");
    if (!slug.empty() && slug.find_first_of("/\\.") == std::string::npos)
      slugs.push_back(std::move(slug));
  }
  return slugs;
}

std::vector<const Document*> select_documents(const Site& site, const Value* tag) {
  auto limit = static_cast<std::size_t>(std::max(site.config.feed_size, 0));
  std::set<std::string, std::less<>> listed;
  if (tag != nullptr) listed = tag_documents(*tag);
  std::vector<const Document*> selected;
  for (const Document* document : site.documents) {
    if (selected.size() >= limit) break;
    if (tag == nullptr || listed.contains(document->permalink)) selected.push_back(document);
  }
  return selected;
}

Feed describe_feed(const Site& site, std::string_view tag_slug, std::string_view file_name) {
  const SiteConfig& config = site.config;
  Feed feed = site_feed_head(config);
  const Value* tag = nullptr;
  std::string folder = config.base_path();
  if (!tag_slug.empty()) {
    tag = find_tag(site, tag_slug);
    if (tag == nullptr)
      throw Error("", 0, "feeds: no tag \"" + std::string(tag_slug) + "\" in the site's tags");
    std::string name = tag->get_string("name", tag_slug);
    feed.title = config.title + " \xE2\x80\x94 " + name;
    feed.description = "Documents tagged \xE2\x80\x9C" + name + "\xE2\x80\x9D on " + config.title;
    feed.home_url = tag_page_url(config, *tag);
    folder = config.url_of("/tags/" + std::string(tag_slug) + "/");
  }
  feed.self_url = config.absolute_url(folder + std::string(file_name));
  for (const Document* document : select_documents(site, tag))
    feed.items.push_back(describe_item(site, *document));
  return feed;
}

}  // namespace digestif::plugins::feeds
