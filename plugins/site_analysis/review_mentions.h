// ReviewMentions: which catalogued threads the yearly reviews link, both ways.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::site_analysis {

/// Matches the posts of every review (data["review"]) with the thread catalog by Reddit post id.
/// Writes site.data["review_mentions"] = {thread key ("id:<post_id>"): [{title (the review's
/// heading), url (its page), theme, has_theme, theme_url (its page + "#" + theme anchor, or the
/// page for a post before any theme)}]}, reviews newest first, one mention per review; and
/// site.data["review_links"] = {review permalink: {post_id: {anchor, rank}}} for the posts
/// whose thread is in the catalog.
class ReviewMentions : public SiteAnalyzer {
 public:
  PartInfo info() const override;
  void analyze(Site& site) const override;
  bool fingerprint_document(const Document& document, Fingerprint& fingerprint) const override;
};

}  // namespace digestif::plugins::site_analysis
