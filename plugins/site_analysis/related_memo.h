// RelatedMemo: the related lists of the last run, with their exact scores and what placed each
// document (RelatedCorpus::shape), so the next run recomputes only the lists a change can reach.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugins/site_analysis/related_corpus.h"

namespace digestif::plugins::site_analysis {

using RelatedLists = std::vector<std::vector<Scored>>;  // by document index, most related first

/// One document's list from the last run.
struct RememberedList {
  std::uint64_t shape = 0;
  std::vector<Scored> list;  // in this run's document indexes
  bool complete = true;      // false when a document it listed is gone
};

/// By this run's document index (nullopt: a document the memo does not know); nullopt as a
/// whole when the memo is empty or damaged, or was made with other crowded terms
/// (RelatedCorpus::crowded_terms).
std::optional<std::vector<std::optional<RememberedList>>> read_related_memo(
    std::string_view memo, const RelatedCorpus& corpus);

std::string related_memo(const RelatedCorpus& corpus, const std::vector<std::uint64_t>& shapes,
                         const RelatedLists& lists);

}  // namespace digestif::plugins::site_analysis
