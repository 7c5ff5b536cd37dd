// Feed items: which documents a feed lists, and how the feed and each item are described.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/document.h"
#include "core/site.h"
#include "core/value.h"

namespace digestif::plugins::feeds {

/// One entry of a feed, in the terms every feed format shares.
struct FeedItem {
  std::string title;         ///< the document's heading, else its title
  std::string url;           ///< absolute URL of the document's page; also its id
  std::string summary;       ///< plain text: the description, else an excerpt of the body
  std::string content_html;  ///< the full body HTML
  Timestamp date{};
  std::vector<std::string> tags;  ///< tag names
};

/// A feed of the whole site or of one tag, ready to be written in any format.
struct Feed {
  std::string title;
  std::string description;
  std::string language;
  std::string author;           ///< config.author as written; may be empty
  std::string author_name;      ///< config.author, else the site title
  std::string home_url;         ///< absolute URL of the page the feed follows
  std::string self_url;         ///< absolute URL of the feed file itself
  std::vector<FeedItem> items;  ///< newest first

  /// Date of the newest item, or the epoch when there is none (never the current time, so
  /// that builds are reproducible).
  Timestamp updated() const;
};

/// Longest summary made from a body, in bytes.
inline constexpr std::size_t kExcerptBytes = 300;

/// Largest body a feed carries in full; a longer one is replaced by its summary and a link, so
/// one huge document cannot make every feed that lists it huge too.
inline constexpr std::size_t kMaxContentBytes = 512 * 1024;

/// The absolute URL of a document's page.
std::string document_url(const SiteConfig& config, const Document& document);

/// The item for one document: heading (or title), absolute URL, summary, HTML, date and tags.
FeedItem describe_item(const Site& site, const Document& document);

/// The documents of a feed, newest first, at most config.feed_size: every published document
/// when `group` is nullptr, else those the group (core/document_groups.h) lists.
std::vector<const Document*> select_documents(const Site& site, const Value* group);

/// The feed `file_name` ("feed.xml", ...) holds for the whole site (`group` nullptr) or for one
/// document group (a tag, a section).
Feed describe_feed(const Site& site, const Value* group, std::string_view file_name);

}  // namespace digestif::plugins::feeds
