// Feed items: selecting a feed's documents and describing them for the writers.
#include "plugins/feeds/feed_items.h"

#include <algorithm>
#include <kainjow/mustache.hpp>
#include <set>

#include "core/diagnostic.h"
#include "core/document_groups.h"
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

/// The content of an item too long to carry: its summary and a link to the page.
std::string read_more_html(const FeedItem& item) {
  using kainjow::mustache::html_escape;
  return "<p>" + html_escape(item.summary) + "</p><p><a href=\"" + html_escape(item.url) +
         "\">Read the whole document on the site.</a></p>";
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
                     ? truncate_text(html_to_text(document.html.get()), kExcerptBytes)
                     : document.description;
  item.content_html =
      document.html.get().size() <= kMaxContentBytes ? document.html.get() : read_more_html(item);
  item.date = document.date;
  item.tags = tag_names(site, document);
  return item;
}

std::vector<const Document*> select_documents(const Site& site, const Value* group) {
  auto size = static_cast<std::size_t>(std::max(site.config.feed_size, 0));
  if (group != nullptr) return documents_in(site, *group, 0, size);
  return {site.documents.begin(),
          site.documents.begin() + static_cast<long>(std::min(size, site.documents.size()))};
}

Feed describe_feed(const Site& site, const Value* group, std::string_view file_name) {
  const SiteConfig& config = site.config;
  Feed feed = site_feed_head(config);
  std::string folder = config.base_path();
  if (group != nullptr) {
    std::string name = group->get_string("name");
    feed.title = config.title + " \xE2\x80\x94 " + name;
    feed.description = "Documents under \xE2\x80\x9C" + name + "\xE2\x80\x9D on " + config.title;
    folder = group->get_string("url");
    feed.home_url = config.absolute_url(folder);
  }
  feed.self_url = config.absolute_url(folder + std::string(file_name));
  for (const Document* document : select_documents(site, group))
    feed.items.push_back(describe_item(site, *document));
  return feed;
}

}  // namespace digestif::plugins::feeds
