// MarkdownAnalyzer: fills Document::html, and "html" beside every "markdown" key in its data.
#pragma once

#include "core/plugin.h"
#include "plugins/markdown/markdown_converter.h"

namespace digestif::plugins::markdown {

/// A render-stage document step. Formats mark markdown fragments (e.g. review comments) by
/// storing them under a "markdown" key of an object in Document::data; this adds "html" beside.
class MarkdownAnalyzer : public DocumentAnalyzer {
 public:
  explicit MarkdownAnalyzer(MarkdownOptions options) : converter_(options) {}
  PartInfo info() const override;
  void analyze(Document& document) const override;

 private:
  void render_fragments(Value& value) const;
  MarkdownConverter converter_;
};

}  // namespace digestif::plugins::markdown
