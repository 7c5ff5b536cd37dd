// RelatedCorpus: the documents related lists are made from: their term vectors and tags, and an
// inverted index over both that finds the documents worth comparing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/site.h"
#include "plugins/site_analysis/tfidf.h"

namespace digestif::plugins::site_analysis {

/// A term or tag on more than this many documents adds no candidates (see related_analyzer.h).
inline constexpr std::size_t kMaxPostings = 500;

/// A candidate document and its score.
struct Scored {
  double score;
  std::size_t document;
};

using RelatedLists = std::vector<std::vector<Scored>>;  // by document index, most related first

/// A document's term vector in a last run, with a fingerprint of the terms it was weighted from
/// and the Document::fingerprint of what the document was made from then.
struct KnownVector {
  std::string document;
  std::uint64_t terms = 0;
  TermVector vector;
};

/// Term vectors of a last run (see RelatedMemo), by permalink.
struct KnownVectors {
  std::vector<std::string> terms;  ///< sorted: the term ids of the vectors
  std::unordered_map<std::string, KnownVector> by_permalink;
};

/// Term vectors of a last run of the same documents in the same order (see RelatedMemo).
struct LastVectors {
  std::vector<std::string> terms;                 ///< term id -> term: those in vectors only
  std::vector<TermVector> vectors;                ///< by document
  std::vector<std::uint64_t> terms_fingerprints;  ///< by document: see terms_fingerprint()
};

class RelatedCorpus {
 public:
  /// Weights every document's terms, or takes the vectors of `known` when every document is
  /// there with the same terms (the weights depend on all documents' terms, nothing else). A
  /// document made from what it was made from in `known` is not read: its terms are the same.
  RelatedCorpus(const Site& site, const KnownVectors* known = nullptr);
  /// Takes the vectors of `last` as they are, reading only the documents' tags: a corpus like
  /// the last run's (after own_terms()), whatever terms the documents have now.
  RelatedCorpus(const Site& site, LastVectors last);
  RelatedCorpus(const RelatedCorpus&) = delete;  // terms_ views into owned_terms_
  RelatedCorpus& operator=(const RelatedCorpus&) = delete;

  /// Keeps the corpus for another build of the same documents (see RelatedRun): its terms in
  /// strings of its own, only those in vectors (renumbered in the same order).
  void own_terms();
  /// The same documents in the same order, from another build: the corpus reads these now.
  void rebind(const Site& site);
  /// True when document `d`'s terms are those its vector was weighted from.
  bool same_terms(std::size_t d) const;
  /// Takes document `d`'s tags again (it changed): its tag set and the tags' postings.
  void retag(std::size_t d, const Site& site);

  const std::vector<const Document*>& documents() const { return documents_; }
  const std::vector<TermVector>& vectors() const { return vectors_; }
  std::string_view term(std::size_t id) const { return terms_[id]; }
  /// A fingerprint of the terms document `d`'s vector is weighted from.
  std::uint64_t terms_fingerprint(std::size_t d) const { return terms_fingerprints_[d]; }
  /// Documents sharing a term or tag of `a` through postings of at most kMaxPostings, with
  /// their scores (0.7 * cosine + 0.3 * Jaccard of tags, rounded to 1e-6) when above 0. Both
  /// are symmetric: b is a candidate of a iff a is one of b, with the same score to the bit.
  std::vector<Scored> scored_candidates(std::size_t a) const;
  /// A fingerprint of all that places `a` in any list: its vector (terms by name), tags, date
  /// and permalink. When two documents keep theirs from one build to the next, so does the
  /// score of each as the other's candidate (bit for bit), and their order on a tie.
  std::uint64_t shape(std::size_t a) const;
  /// A fingerprint of the terms and tags on more than kMaxPostings documents: when it changes,
  /// candidates change all over.
  std::uint64_t crowded_terms() const;

 private:
  bool take_known(const KnownVectors& known);
  void index_terms();
  void index_tags(const Site& site);
  /// Sets document `d`'s tags to `slugs`, keeping every tag's postings sorted.
  void set_tags(std::size_t d, const std::vector<std::string>& slugs);
  /// Each document sharing a term or tag of `a` through postings of at most kMaxPostings, once.
  std::vector<std::size_t> candidates(std::size_t a) const;

  std::vector<const Document*> documents_;
  std::vector<TermVector> vectors_;
  std::vector<std::uint64_t> terms_fingerprints_;
  std::vector<std::string> owned_terms_;        // the terms, when taken from KnownVectors or owned
  std::vector<std::string_view> terms_;         // term id -> term
  std::vector<std::vector<std::size_t>> tags_;  // sorted tag ids per document
  std::vector<std::string> tag_slugs_;          // tag id -> slug
  std::map<std::string, std::size_t, std::less<>> tag_ids_;             // slug -> tag id
  std::vector<std::vector<std::size_t>> term_postings_, tag_postings_;  // id -> documents
};

}  // namespace digestif::plugins::site_analysis
