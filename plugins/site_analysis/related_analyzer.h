// RelatedAnalyzer: for every document, the documents most like it (shared tags, similar text).
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/plugin.h"
#include "plugins/site_analysis/related_run.h"

namespace digestif::plugins::site_analysis {

/// Writes site.data["related"] = {permalink: [{permalink, score (3 decimals), percent}]}: up to
/// 5 other documents, most related first (ties: the newer, then by permalink), only those with
/// a score above 0. (A page shows each one's title and dates from the document itself: the
/// lists stay small to keep and to read back.)
///
/// score = 0.7 * text + 0.3 * tags, both in [0, 1]:
/// - text: the cosine similarity of TF-IDF vectors (tfidf.h) of each document's terms
///   (text_terms.h): its title and thread titles count 2 per word, its description and thread
///   summaries 1; a document without threads (a review) uses its body, 1 per word. Each vector
///   keeps its 32 heaviest terms.
/// - tags: shared tags over all tags of the two (Jaccard), by tag slug (site.document_tags when
///   the tags plugin runs, else the slugified tags).
///
/// Candidates come from an inverted index (term -> documents, tag -> documents), so only
/// documents sharing a term or a tag are ever compared; a term or tag on more than 500 documents
/// says little and adds no candidates (it still counts in the scores of the others).
class RelatedAnalyzer : public SiteAnalyzer {
 public:
  /// `max_related`: how many documents each list holds.
  explicit RelatedAnalyzer(std::size_t max_related = 5) : max_related_(max_related) {}
  PartInfo info() const override;
  void analyze(Site& site) const override;
  /// Ranks again only the lists a change can reach: those of changed documents, and those a
  /// changed document entered or left (see RelatedMemo); the result is the same as analyze()'s.
  void analyze_with_memo(Site& site, std::string& memo) const override;
  /// In a process that builds again, the memo is the last run itself (RelatedRun): when the
  /// same documents come in the same order and none has new terms (a tag or title edit), only
  /// the edited documents are read, and only the lists they reach are ranked again.
  void analyze_with_live_memo(Site& site, AnalyzerMemo& memo) const override;
  bool fingerprint_document(const Document& document, Fingerprint& fingerprint) const override;

 private:
  /// Ranks every list, taking from `memo` (the saved form) what still holds.
  std::unique_ptr<RelatedRun> rank(const Site& site, std::string_view memo) const;
  /// Ranks again, in `run`, the lists the documents edited since reach, and tells the
  /// documents whose list changed (their `related` values are left as they were); nullopt when
  /// the documents changed otherwise (`run` is then only good for its bytes()).
  std::optional<std::vector<std::size_t>> rank_again(RelatedRun& run, const Site& site) const;
  /// The run from the saved memo: the last run read back and ranked again when it ranked the
  /// same documents in the same order (rank_again()), else rank().
  std::unique_ptr<RelatedRun> run_from_memo(const Site& site, std::string_view memo,
                                            SharedBytes saved = {}) const;

  std::size_t max_related_;
};

}  // namespace digestif::plugins::site_analysis
