// Rising terms: the words of thread titles and summaries that gained most from one period to
// the next.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace digestif::plugins::site_analysis {

/// True for the words summaries use whatever the topic ("thread", "discusses", "users", ...):
/// a period's tally leaves them out. A document's tally of its threads is DocumentTerms'
/// (document_terms.h); a period's is the sum of its documents'.
bool is_boilerplate(std::string_view term);

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
