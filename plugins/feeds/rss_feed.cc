// RSS 2.0 feed writer: a channel with one item per document, built with tinyxml2.
#include "plugins/feeds/rss_feed.h"

#include <kainjow/mustache.hpp>

#include "core/date.h"
#include "plugins/feeds/xml_writer.h"

namespace digestif::plugins::feeds {
namespace {

using tinyxml2::XMLElement;

/// Whether `author` can go in RSS <author>, which wants an email address ("a@b.c (Name)").
bool looks_like_email(std::string_view author) {
  std::string_view address = author.substr(0, author.find(' '));
  std::size_t at = address.find('@');
  return at != std::string_view::npos && at > 0 &&
         address.find('.', at) != std::string_view::npos && address.back() != '.';
}

/// Whether items name their author with dc:creator (an author that is not an email address).
bool uses_dc_creator(const Feed& feed) {
  return !feed.author.empty() && !looks_like_email(feed.author);
}

void add_channel_head(XMLElement& channel, const Feed& feed) {
  add_text(channel, "title", feed.title);
  add_text(channel, "link", feed.home_url);
  add_text(channel, "description", feed.description);
  if (!feed.language.empty()) add_text(channel, "language", feed.language);
  if (!feed.items.empty()) add_text(channel, "lastBuildDate", format_rfc822(feed.updated()));
  add_text(channel, "generator", "digestif");
  XMLElement* self = add_element(channel, "atom:link");
  set_attribute(*self, "href", feed.self_url);
  set_attribute(*self, "rel", "self");
  set_attribute(*self, "type", "application/rss+xml");
}

void add_item(XMLElement& channel, const Feed& feed, const FeedItem& item) {
  XMLElement* entry = add_element(channel, "item");
  add_text(*entry, "title", item.title);
  add_text(*entry, "link", item.url);
  set_attribute(*add_text(*entry, "guid", item.url), "isPermaLink", "true");
  add_text(*entry, "pubDate", format_rfc822(item.date));
  if (!feed.author.empty())
    add_text(*entry, uses_dc_creator(feed) ? "dc:creator" : "author", feed.author);
  for (const std::string& tag : item.tags) add_text(*entry, "category", tag);
  // Readers take an RSS description as HTML: the plain-text summary is escaped for it.
  add_text(*entry, "description", kainjow::mustache::html_escape(item.summary));
  add_html(*entry, "content:encoded", item.content_html);
}

}  // namespace

std::string write_rss(const Feed& feed) {
  tinyxml2::XMLDocument document;
  XMLElement* rss = start_document(document, "rss");
  set_attribute(*rss, "version", "2.0");
  set_attribute(*rss, "xmlns:atom", "http://www.w3.org/2005/Atom");
  set_attribute(*rss, "xmlns:content", "http://purl.org/rss/1.0/modules/content/");
  if (uses_dc_creator(feed)) set_attribute(*rss, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
  XMLElement* channel = add_element(*rss, "channel");
  add_channel_head(*channel, feed);
  for (const FeedItem& item : feed.items) add_item(*channel, feed, item);
  return print_xml(document);
}

}  // namespace digestif::plugins::feeds
