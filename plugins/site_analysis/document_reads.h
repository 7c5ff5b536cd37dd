// Document reads: the parts of a document this plugin's site analyzers read, named once for
// their SiteAnalyzer::fingerprint_document().
#pragma once

#include "core/document.h"
#include "core/fingerprint.h"

namespace digestif::plugins::site_analysis {

/// How a document is listed: permalink, title, date and data["heading"].
void add_listing(const Document& document, Fingerprint& fingerprint);

/// What ranks and links each thread of data["threads"] (top_threads.h): its post id, url,
/// titles, score and rank.
void add_thread_listings(const Document& document, Fingerprint& fingerprint);

}  // namespace digestif::plugins::site_analysis
