// ThreadCatalog: every Reddit thread of the site once, with the digests it appeared in.
#pragma once

#include <cstddef>
#include <string>

#include "core/plugin.h"

namespace digestif::plugins::site_analysis {

/// The key of a thread across digests: "id:<post_id>" when it has a Reddit post id, else
/// "url:<url>", else "" (such a thread is not catalogued).
std::string thread_key(const Value& thread);

/// How many entries of the catalogue site.data["threads"] holds in full (the /threads/ page
/// lists 500).
inline constexpr std::size_t kCatalogListed = 1000;

/// Ranks every thread key, sorted by best score (highest first; threads without a score last;
/// ties by title, then key), and writes site.data["thread_count"] (how many), and
/// site.data["threads"]: the first kCatalogListed of them in full: {key, anchor, rank, post_id,
/// title, title_plain, url, has_url, score, has_score, flairs, has_flairs, emotion_label,
/// has_emotion_label, digest_count, digests: [{heading, url, thread_url, date, date_display,
/// rank}], newest first}. Title, url, flairs and emotion come from the best-scored appearance.
/// `anchor` is an HTML id ("t-<post_id>", or "u-<hash of the url>"); `rank` is the 1-based
/// position in the list.
/// And site.data["thread_index"]: {permalink: [{anchor, rank, digest_count} or null]}, one
/// item per thread of that digest in its order, so a digest page links each thread to its entry
/// (every thread, listed in full or not).
class ThreadCatalog : public SiteAnalyzer {
 public:
  PartInfo info() const override;
  void analyze(Site& site) const override;
  bool fingerprint_document(const Document& document, Fingerprint& fingerprint) const override;
};

/// The thread_index item ({anchor, rank, digest_count}) of the thread at `position` in
/// `document`'s threads; nullptr when it is not catalogued or there is no catalogue.
const Value* catalog_entry(const Site& site, const Document& document, std::size_t position);

}  // namespace digestif::plugins::site_analysis
