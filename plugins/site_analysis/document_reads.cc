// Document reads: fingerprints of the document fields the site analyzers share.
#include "plugins/site_analysis/document_reads.h"

namespace digestif::plugins::site_analysis {

void add_listing(const Document& document, Fingerprint& fingerprint) {
  fingerprint.add(document.permalink)
      .add(document.title)
      .add(static_cast<std::int64_t>(document.date.time_since_epoch().count()))
      .add_members(document.data, {"heading"});
}

void add_thread_listings(const Document& document, Fingerprint& fingerprint) {
  fingerprint.add_members(document.data.find("threads"),
                          {"post_id", "url", "title", "title_plain", "has_url", "score", "rank"});
}

}  // namespace digestif::plugins::site_analysis
