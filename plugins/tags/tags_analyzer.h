// TagsAnalyzer: the site's tags with their documents, and each document's normalized tags.
#pragma once

#include "core/plugin.h"

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
  bool fingerprint_document(const Document& document, Fingerprint& fingerprint) const override;

 private:
  PluginContext context_;
};

}  // namespace digestif::plugins::tags
