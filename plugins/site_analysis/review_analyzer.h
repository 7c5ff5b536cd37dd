// ReviewAnalyzer: a yearly review's themes and linked posts as document data.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::site_analysis {

/// For documents of kind "review", writes data["review"] = {themes: [{title, anchor, slug,
/// post_count, posts}], posts: [...], post_count, theme_count, has_themes}; a post is {title,
/// url, has_url (an http(s) URL), post_id, upvotes (null when unknown), has_upvotes, author,
/// has_author, theme, theme_anchor, line} (see review_themes.h).
class ReviewAnalyzer : public DocumentAnalyzer {
 public:
  PartInfo info() const override;
  void analyze(Document& document) const override;
};

}  // namespace digestif::plugins::site_analysis
