// Analyzers: per-document steps (structure, markup) and site-wide steps (tags, related, ...).
#pragma once

#include "core/document.h"
#include "core/part.h"
#include "core/site.h"

namespace digestif {

/// Runs once per document, writing only what its info().produces names.
class DocumentAnalyzer : public Part {
 public:
  virtual void analyze(Document& document) const = 0;
};

/// Runs once per build after the documents are indexed, writing only Site::data[key] for each
/// "site.<key>" it produces (documents may be rendered meanwhile: never write to them).
class SiteAnalyzer : public Part {
 public:
  virtual void analyze(Site& site) const = 0;
};

}  // namespace digestif
