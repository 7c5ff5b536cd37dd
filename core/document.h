// Document: one piece of content (a digest, a review, ...) as it moves through the build.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "core/deferred.h"
#include "core/document_data.h"
#include "core/value.h"

namespace digestif {

/// Filled by a Format (title, date, body, ...), then by the core (slug, permalink), then by
/// analyzers and renderers, each writing the members or `data` keys they declare they produce.
/// `html` and `data` are the large parts: a document the build restores from its cache decodes
/// them only when a part reads them (get(), or a conversion to const T&).
struct Document {
  std::string source;       ///< where it came from, as shown in diagnostics: "content/x.md"
  std::string source_stem;  ///< file name without extension; the default slug comes from it
  std::string kind;         ///< "digest", "review", ...: selects the page template
  std::string title;
  std::string description;
  Timestamp date{};
  std::vector<std::string> tags;  ///< as written by the author
  bool draft = false;
  std::string slug;                      ///< set from front matter "slug" or the source name
  std::string permalink;                 ///< root-relative, without base path: "/2025/03/11/slug/"
  std::string body;                      ///< markdown (or other markup) of the main text
  int body_line = 1;                     ///< line of `source` where body starts
  Deferred<std::string> html;            ///< body rendered by a markup renderer
  Value front_matter = Value::object();  ///< every key the author wrote, for templates
  DocumentData data = Value::object();   ///< what analyzers add, keyed by product name
  /// Set by the build: a Fingerprint of what the document and its analysis are made from (its
  /// input's origin and version, the analysis setup), so a renderer can tell an unchanged
  /// document without hashing it. Empty when the input has no version.
  std::string fingerprint;
};

}  // namespace digestif
