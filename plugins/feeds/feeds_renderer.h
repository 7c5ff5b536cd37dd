// FeedsRenderer: plans and renders the feed files of the site and of each tag.
#pragma once

#include <string>
#include <vector>

#include "core/plugin.h"

namespace digestif::plugins::feeds {

/// Writes feed.xml (RSS 2.0), atom.xml (Atom 1.0) and feed.json (JSON Feed 1.1) for the whole
/// site and, under tags/<slug>/, for each tag. Dates come from the documents, never the clock.
class FeedsRenderer : public Renderer {
 public:
  explicit FeedsRenderer(PluginContext context) : context_(std::move(context)) {}
  PartInfo info() const override;
  /// One output per feed format for the site, then for each tag in site.data["tags"]; params
  /// hold "format" ("rss", "atom" or "json") and, for tag feeds, "tag" (the slug).
  std::vector<PlannedOutput> plan(const Site& site) const override;
  /// The bytes of one planned feed. Throws Error for an unknown format or tag.
  std::string render(const PlannedOutput& output, const Site& site) const override;
  /// The feed, described only to render it, with a fingerprint of its documents' inputs (or,
  /// when one has no Document::fingerprint, of the feed described).
  PreparedOutput prepare(const PlannedOutput& output, const Site& site) const override;

 private:
  PluginContext context_;
};

}  // namespace digestif::plugins::feeds
