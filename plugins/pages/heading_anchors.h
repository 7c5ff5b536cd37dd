// Heading anchors: ids on the `<h2>` headings of body HTML, so a table of contents can link them.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace digestif::plugins::pages {

/// A heading to anchor: the slug its text has (slugify of the heading's text) and its id.
struct HeadingAnchor {
  std::string slug;
  std::string id;
};

struct AnchoredHtml {
  std::string html;
  std::set<std::string> placed;  ///< the ids written
};

/// Gives each plain `<h2>` of `html` (as cmark writes it, without attributes) whose text (tags
/// dropped, entities decoded, then slugified) is the slug of the next anchor, in order, that
/// anchor's id: `<h2 id="ID">`. Anchors whose heading is not found within the next 16 are
/// skipped.
AnchoredHtml anchor_headings(const std::string& html, const std::vector<HeadingAnchor>& anchors);

}  // namespace digestif::plugins::pages
