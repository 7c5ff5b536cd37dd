// Heading anchors: matching `<h2>` texts with heading slugs and writing their ids.
#include "plugins/pages/heading_anchors.h"

#include <algorithm>
#include <array>
#include <utility>

#include "core/slug.h"

namespace digestif::plugins::pages {
namespace {

/// How many anchors ahead a heading may match (a theme whose heading cmark did not make an
/// <h2> is skipped); bounds the work on hostile input.
constexpr std::size_t kLookahead = 16;

/// The text of inline HTML: tags dropped, the entities cmark writes decoded.
std::string text_of(std::string_view html) {
  static constexpr std::array<std::pair<std::string_view, char>, 5> kEntities = {
      {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}}};
  std::string text;
  for (std::size_t i = 0; i < html.size(); ++i) {
    if (html[i] == '<') {
      std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    bool decoded = false;
    for (const auto& [entity, c] : kEntities)
      if (html.substr(i, entity.size()) == entity) {
        text += c;
        i += entity.size() - 1;
        decoded = true;
        break;
      }
    if (!decoded) text += html[i];
  }
  return text;
}

}  // namespace

AnchoredHtml anchor_headings(const std::string& html, const std::vector<HeadingAnchor>& anchors) {
  AnchoredHtml out;
  std::size_t next = 0, from = 0;
  while (next < anchors.size()) {
    std::size_t open = html.find("<h2>", from);
    if (open == std::string::npos) break;
    std::size_t close = html.find("</h2>", open);
    if (close == std::string::npos) break;
    std::string slug = slugify(text_of(std::string_view(html).substr(open + 4, close - open - 4)));
    out.html.append(html, from, open - from);
    std::size_t match = next;
    std::size_t end = std::min(anchors.size(), next + kLookahead);
    while (match < end && anchors[match].slug != slug) ++match;
    if (match < end) {
      out.html += "<h2 id=\"" + anchors[match].id + "\">";
      out.placed.insert(anchors[match].id);
      next = match + 1;
    } else {
      out.html += "<h2>";
    }
    from = open + 4;
  }
  out.html.append(html, from);
  return out;
}

}  // namespace digestif::plugins::pages
