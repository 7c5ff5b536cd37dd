// Rising terms: the words of thread titles and summaries that gained most from one period to
// the next.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"
#include "plugins/site_analysis/term_tally_text.h"

namespace digestif::plugins::site_analysis {

/// The tally of every thread of `document`: term -> how many threads use it (in the title or the
/// summary; once per thread), by terms_of (text_terms.h), without the words summaries use
/// whatever the topic ("thread", "discusses", "users", ...). A period's tally is the sum of its
/// documents' (kept with each document by DocumentTerms).
Tally thread_terms(const Document& document);

/// A period's tally: term -> threads using it; the terms are views (into the documents' data).
using TermTally = std::map<std::string_view, long>;

struct RisingTerm {
  std::string term;
  long count = 0;     ///< threads using it now
  long previous = 0;  ///< threads using it before
  long rise = 0;      ///< count - previous × now_threads / before_threads, rounded
};

/// The `limit` terms that rose most, measured against the volume of each period: a term's
/// expected count now is previous × now_threads / before_threads (its share of the threads
/// kept), and its rise is how far count exceeds that. Kept: terms of at least two threads that
/// rose by at least one thread; largest (unrounded) rise first, then largest count, then
/// alphabetical. `before_threads` 0 compares with an empty period.
std::vector<RisingTerm> rising_terms(const TermTally& now, const TermTally& before,
                                     std::size_t limit, long now_threads, long before_threads);

}  // namespace digestif::plugins::site_analysis
