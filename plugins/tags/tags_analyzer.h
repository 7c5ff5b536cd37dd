// TagsAnalyzer: the site's tags with their documents, and each document's normalized tags.
#pragma once

#include <cstdint>
#include <memory>

#include "core/plugin.h"
#include "plugins/tags/tags_run.h"

namespace digestif::plugins::tags {

/// Writes site.data["tags"], document groups (core/document_groups.h) in folder tags/,
/// sorted by slug, and site.data["document_tags"]: {permalink: [{name, slug, url}]}, each
/// document's tags without duplicates. (Site analyzers write only Site::data: documents may be
/// rendered at the same time.)
class TagsAnalyzer : public SiteAnalyzer {
 public:
  explicit TagsAnalyzer(PluginContext context) : context_(std::move(context)) {}
  PartInfo info() const override;
  void analyze(Site& site) const override;
  /// In a process that builds again, the memo is the last run itself (TagsRun): when the same
  /// documents come in the same order and no tag's name changes, only the documents whose tags
  /// changed are grouped again, and only their tags' groups made again.
  void analyze_with_live_memo(Site& site, AnalyzerMemo& memo) const override;
  bool fingerprint_document(const Document& document, Fingerprint& fingerprint) const override;

 private:
  std::unique_ptr<TagsRun> group_all(const Site& site) const;
  /// Groups again, in `run`, the documents edited since; false when the documents changed
  /// otherwise, or a tag's name did (`run` is then of no more use).
  bool regroup(TagsRun& run, const Site& site) const;
  /// Writes the run's products, and warns of each tag left out.
  void publish(Site& site, const TagsRun& run) const;
  std::uint64_t read_of(const Document& document) const;

  PluginContext context_;
};

}  // namespace digestif::plugins::tags
