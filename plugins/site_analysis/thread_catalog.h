// ThreadCatalog: every Reddit thread of the site once, with the digests it appeared in.
#pragma once

#include <string>

#include "core/plugin.h"

namespace digestif::plugins::site_analysis {

/// The key of a thread across digests: "id:<post_id>" when it has a Reddit post id, else
/// "url:<url>", else "" (such a thread is not catalogued).
std::string thread_key(const Value& thread);

/// Writes site.data["threads"]: one entry per thread key, sorted by best score (highest first;
/// threads without a score last; ties by title, then key): {key, anchor, rank, post_id, title,
/// title_plain, url, has_url, score, has_score, flairs, has_flairs, emotion_label,
/// has_emotion_label, digest_count, digests: [{heading, url, thread_url, date, date_display,
/// rank}], newest first}. Title, url, flairs and emotion come from the best-scored appearance.
/// `anchor` is an HTML id ("t-<post_id>", or "u-<hash of the url>"); `rank` is the 1-based
/// position in the list.
/// And site.data["thread_index"]: {permalink: [{anchor, rank, digest_count} or null]}, one
/// item per thread of that digest in its order, so a digest page links each thread to its entry.
class ThreadCatalog : public SiteAnalyzer {
 public:
  PartInfo info() const override;
  void analyze(Site& site) const override;
};

}  // namespace digestif::plugins::site_analysis
