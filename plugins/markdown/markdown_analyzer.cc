// MarkdownAnalyzer: the body and the markdown fragments of a document to HTML.
#include "plugins/markdown/markdown_analyzer.h"

namespace digestif::plugins::markdown {

PartInfo MarkdownAnalyzer::info() const {
  return {"markdown", Stage::render, {"document"}, {"document.html"}};
}

void MarkdownAnalyzer::analyze(Document& document) const {
  document.html = converter_.to_html(document.body);
  render_fragments(document.data.edit());
}

void MarkdownAnalyzer::render_fragments(Value& value) const {
  if (value.is_array()) {
    for (Value& item : value.as_array()) render_fragments(item);
    return;
  }
  if (!value.is_object()) return;
  if (const Value* markdown = value.find("markdown"); markdown != nullptr && markdown->is_string())
    value["html"] = converter_.to_html(markdown->as_string());
  for (auto& [key, member] : value.as_object()) render_fragments(member);
}

}  // namespace digestif::plugins::markdown
