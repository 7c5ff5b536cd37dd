// FeedsRenderer: one planned output per feed format, for the site and for each tag.
#include "plugins/feeds/feeds_renderer.h"

#include <array>

#include "core/diagnostic.h"
#include "core/document_groups.h"
#include "core/fingerprint.h"
#include "plugins/feeds/atom_feed.h"
#include "plugins/feeds/feed_items.h"
#include "plugins/feeds/json_feed.h"
#include "plugins/feeds/rss_feed.h"

namespace digestif::plugins::feeds {
namespace {

/// A feed format: its name in params, its file name and its writer.
struct FeedFormat {
  std::string_view name;
  std::string_view file;
  std::string (*write)(const Feed&);
};

constexpr std::array<FeedFormat, 3> kFormats = {{
    {"rss", "feed.xml", write_rss},
    {"atom", "atom.xml", write_atom},
    {"json", "feed.json", write_json_feed},
}};

const FeedFormat& format_named(std::string_view name) {
  for (const FeedFormat& format : kFormats)
    if (format.name == name) return format;
  throw Error("", 0, "feeds: unknown feed format \"" + std::string(name) + "\"");
}

/// Adds one output per format in `folder` ("" for the site, a group's path for a group).
void plan_feeds(std::vector<PlannedOutput>& outputs, const std::string& folder, Value params) {
  for (const FeedFormat& format : kFormats) {
    params["format"] = format.name;
    outputs.push_back({folder + std::string(format.file), params});
  }
}

/// Everything a feed file is written from.
std::string fingerprint_of(const Feed& feed, std::string_view format) {
  Fingerprint fingerprint;
  fingerprint.add(format);
  for (const std::string* text : {&feed.title, &feed.description, &feed.language, &feed.author,
                                  &feed.author_name, &feed.home_url, &feed.self_url})
    fingerprint.add(*text);
  for (const FeedItem& item : feed.items) {
    for (const std::string* text : {&item.title, &item.url, &item.summary, &item.content_html})
      fingerprint.add(*text);
    fingerprint.add(static_cast<std::int64_t>(item.date.time_since_epoch().count()));
    fingerprint.add(static_cast<std::int64_t>(item.tags.size()));
    for (const std::string& tag : item.tags) fingerprint.add(tag);
  }
  return fingerprint.hex();
}

/// What a feed is written from, taken without describing it: the format, its group's name and
/// URL, and each item's document (its fingerprint, permalink and tags entry); the site's
/// settings are in every output's fingerprint. Empty when an item's document has no fingerprint.
std::string inputs_of(const Site& site, const Value* group, std::string_view format) {
  Fingerprint fingerprint;
  fingerprint.add(format).add(static_cast<std::int64_t>(group != nullptr));
  if (group != nullptr) fingerprint.add(group->get_string("name")).add(group->get_string("url"));
  const Value* tags = site.data.find("document_tags");
  for (const Document* document : select_documents(site, group)) {
    if (document->fingerprint.empty()) return {};
    const Value* own = tags != nullptr ? tags->find(document->permalink) : nullptr;
    fingerprint.add(document->fingerprint).add(document->permalink).add_or_null(own);
  }
  return fingerprint.hex();
}

}  // namespace

PartInfo FeedsRenderer::info() const {
  PartInfo info{"feeds", Stage::render, {"document.html", "site.document_tags"}, {"output.feeds"}};
  for (const GroupKind& kind : kGroupKinds)
    info.wants.push_back("site." + std::string(kind.product));
  return info;
}

std::vector<PlannedOutput> FeedsRenderer::plan(const Site& site) const {
  std::vector<PlannedOutput> outputs;
  plan_feeds(outputs, "", Value::object());
  for (const GroupKind& kind : kGroupKinds)
    for (const Value& group : groups_of(site, kind.product))
      plan_feeds(outputs, group.get_string("path"),
                 Value::Object{{"product", std::string(kind.product)},
                               {"slug", group.get_string("slug")}});
  return outputs;
}

PreparedOutput FeedsRenderer::prepare(const PlannedOutput& output, const Site& site) const {
  const FeedFormat& format = format_named(output.params.get_string("format"));
  const Value* group = nullptr;
  if (std::string product = output.params.get_string("product"); !product.empty()) {
    group = find_group(site, product, output.params.get_string("slug"));
    if (group == nullptr)
      throw Error("", 0,
                  "feeds: no " + product + " group \"" + output.params.get_string("slug") + "\"");
  }
  if (std::string inputs = inputs_of(site, group, format.name); !inputs.empty())
    return {output.path, std::move(inputs), [&site, group, &format] {
              return format.write(describe_feed(site, group, format.file));
            }};
  Feed feed = describe_feed(site, group, format.file);
  std::string fingerprint = fingerprint_of(feed, format.name);
  return {output.path, std::move(fingerprint),
          [write = format.write, feed = std::move(feed)] { return write(feed); }};
}

std::string FeedsRenderer::render(const PlannedOutput& output, const Site& site) const {
  return prepare(output, site).render();
}

}  // namespace digestif::plugins::feeds
