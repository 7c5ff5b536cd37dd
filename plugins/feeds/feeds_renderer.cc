// FeedsRenderer: one planned output per feed format, for the site and for each tag.
#include "plugins/feeds/feeds_renderer.h"

#include <array>

#include "core/diagnostic.h"
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

/// Adds one output per format, in `folder` ("" or "tags/<slug>/"), for `tag` ("" for the site).
void plan_feeds(std::vector<PlannedOutput>& outputs, const std::string& folder,
                const std::string& tag) {
  for (const FeedFormat& format : kFormats) {
    Value params = Value::object();
    params["format"] = format.name;
    if (!tag.empty()) params["tag"] = tag;
    outputs.push_back({folder + std::string(format.file), std::move(params)});
  }
}

}  // namespace

PartInfo FeedsRenderer::info() const {
  return {"feeds",
          Stage::render,
          {"document.html", "site.tags", "site.document_tags"},
          {"output.feeds"}};
}

std::vector<PlannedOutput> FeedsRenderer::plan(const Site& site) const {
  std::vector<PlannedOutput> outputs;
  plan_feeds(outputs, "", "");
  for (const std::string& slug : tag_slugs(site)) plan_feeds(outputs, "tags/" + slug + "/", slug);
  return outputs;
}

std::string FeedsRenderer::render(const PlannedOutput& output, const Site& site) const {
  const FeedFormat& format = format_named(output.params.get_string("format"));
  Feed feed = describe_feed(site, output.params.get_string("tag"), format.file);
  return format.write(feed);
}

}  // namespace digestif::plugins::feeds
