// Part: what every piece a plugin registers declares about itself, so the graph can order it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace digestif {

/// The three jobs a plugin can do.
enum class Stage { fetch, analyze, render };
std::string_view stage_name(Stage stage);

/// Products are named "document.<key>" (per document: "document.threads", "document.html") or
/// "site.<key>" (site-wide: "site.tags"). Every document has "document" once it is parsed, and
/// "document.body" (its markup source, Document::body). Document analyzers always see the body;
/// after them, the build keeps it only when an enabled site analyzer or renderer needs or wants
/// "document.body" (otherwise it is emptied, which saves its memory and cache space).
struct PartInfo {
  std::string name;
  Stage stage = Stage::analyze;
  std::vector<std::string> needs;
  std::vector<std::string> produces;
  std::vector<std::string> wants = {};  ///< optional needs: waited for when some plugin makes them
  /// Site products, among the needs and wants, of which a renderer's document outputs read only
  /// the document's own entry, site.data[key][document.permalink] (related documents, say): a
  /// change to another entry does not make the build prepare the document's outputs again.
  std::vector<std::string> own_entries = {};
};

/// Base of every registered piece: sources, formats, analyzers, renderers.
class Part {
 public:
  virtual ~Part() = default;
  virtual PartInfo info() const = 0;
};

}  // namespace digestif
