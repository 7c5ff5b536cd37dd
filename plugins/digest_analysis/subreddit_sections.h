// SubredditSections: each subreddit is a section of the site, /r/<subreddit>/, with its feeds.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::digest_analysis {

/// The section slug of a subreddit name: "MachineLearning" -> "machinelearning".
std::string section_slug(const std::string& subreddit);

/// Writes site.data["sections"]: document groups (core/document_groups.h) in folder r/, one per
/// subreddit, named "r/<Name>" with the spelling most digests use.
class SubredditSections : public SiteAnalyzer {
 public:
  PartInfo info() const override;
  void analyze(Site& site) const override;
  bool fingerprint_document(const Document& document, Fingerprint& fingerprint) const override;
};

}  // namespace digestif::plugins::digest_analysis
