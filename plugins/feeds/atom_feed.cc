// Atom 1.0 feed writer: a feed with one entry per document, built with tinyxml2.
#include "plugins/feeds/atom_feed.h"

#include "core/date.h"
#include "plugins/feeds/xml_writer.h"

namespace digestif::plugins::feeds {
namespace {

using tinyxml2::XMLElement;

void add_link(XMLElement& parent, std::string_view rel, std::string_view type,
              std::string_view href) {
  XMLElement* link = add_element(parent, "link");
  set_attribute(*link, "rel", rel);
  set_attribute(*link, "type", type);
  set_attribute(*link, "href", href);
}

void add_feed_head(XMLElement& root, const Feed& feed) {
  add_text(root, "title", feed.title);
  if (!feed.description.empty()) add_text(root, "subtitle", feed.description);
  add_text(root, "id", feed.self_url);
  add_text(root, "updated", format_rfc3339(feed.updated()));
  add_link(root, "self", "application/atom+xml", feed.self_url);
  add_link(root, "alternate", "text/html", feed.home_url);
  add_text(*add_element(root, "author"), "name", feed.author_name);
  add_text(root, "generator", "digestif");
}

void add_entry(XMLElement& root, const FeedItem& item) {
  XMLElement* entry = add_element(root, "entry");
  set_attribute(*add_text(*entry, "title", item.title), "type", "text");
  add_text(*entry, "id", item.url);
  add_link(*entry, "alternate", "text/html", item.url);
  add_text(*entry, "published", format_rfc3339(item.date));
  add_text(*entry, "updated", format_rfc3339(item.date));
  for (const std::string& tag : item.tags)
    set_attribute(*add_element(*entry, "category"), "term", tag);
  set_attribute(*add_text(*entry, "summary", item.summary), "type", "text");
  set_attribute(*add_html(*entry, "content", item.content_html), "type", "html");
}

}  // namespace

std::string write_atom(const Feed& feed) {
  tinyxml2::XMLDocument document;
  XMLElement* root = start_document(document, "feed");
  set_attribute(*root, "xmlns", "http://www.w3.org/2005/Atom");
  if (!feed.language.empty()) set_attribute(*root, "xml:lang", feed.language);
  add_feed_head(*root, feed);
  for (const FeedItem& item : feed.items) add_entry(*root, item);
  return print_xml(document);
}

}  // namespace digestif::plugins::feeds
