// RelatedMemo: what the last run of related left: every document's term vector and list, with
// the exact scores and what placed the document (RelatedCorpus::shape), so the next run weights
// terms again only when they changed and ranks again only the lists a change can reach.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plugins/site_analysis/related_corpus.h"
#include "plugins/site_analysis/related_run.h"

namespace digestif::plugins::site_analysis {

/// One document's list from the last run.
struct RememberedList {
  std::uint64_t shape = 0;
  std::vector<Scored> list;  // document positions (in the memo, then in this run)
  bool complete = true;      // false when a document it listed is gone
};

struct RelatedMemo {
  std::uint64_t crowded_terms = 0;  ///< RelatedCorpus::crowded_terms() of the last run
  KnownVectors vectors;
  std::vector<std::string> permalinks;  ///< the documents, in the memo's order
  std::vector<RememberedList> lists;    ///< likewise
};

/// The memo; nullopt when it is empty or damaged.
std::optional<RelatedMemo> read_related_memo(std::string_view memo);

/// The run that saved `memo`, as it was, when it ranked the documents of `site` in the same
/// order (a build after edits that added, removed and renamed none): its corpus (the documents'
/// tags taken from `site`), shapes and lists, and the documents' fingerprints then; its
/// `related` is left null. Null when the documents differ, or the memo is empty or damaged.
/// When `memo` is `saved.view`, the run keeps it and notes each document's record in it
/// (RelatedRun::records), to be saved again as it is while nothing in it changes.
std::unique_ptr<RelatedRun> read_run_in_order(std::string_view memo, const Site& site,
                                              SharedBytes saved = {});

/// The lists by this run's document index (nullopt: a document the memo does not know); nullopt
/// as a whole when the memo was made with other crowded terms.
std::optional<std::vector<std::optional<RememberedList>>> lists_by_document(
    RelatedMemo& memo, const RelatedCorpus& corpus);

/// The memo of a run. Documents whose record the run kept from the memo it was read from are
/// written as those bytes, when the vocabulary is the same.
std::string related_memo(const RelatedRun& run);

}  // namespace digestif::plugins::site_analysis
