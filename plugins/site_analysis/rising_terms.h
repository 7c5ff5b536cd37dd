// Rising terms: the words of thread titles and summaries that gained most from one period to
// the next.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/document.h"

namespace digestif::plugins::site_analysis {

/// term -> how many threads use it (in the title or the summary; once per thread).
using TermTally = std::map<std::string, long>;

/// The tally of every thread of `documents` (terms_of, see text_terms.h), without the words
/// summaries use whatever the topic ("thread", "discusses", "users", ...).
TermTally thread_terms(const std::vector<const Document*>& documents);
/// thread_terms() of one document; thread_terms() of several is the sum of theirs.
TermTally thread_terms(const Document& document);
/// Adds `more` into `tally`.
void add_tally(TermTally& tally, const TermTally& more);

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
