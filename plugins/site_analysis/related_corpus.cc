// RelatedCorpus: TF-IDF vectors, tag sets, postings and pairwise scores.
#include "plugins/site_analysis/related_corpus.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "core/fingerprint.h"
#include "core/parallel_map.h"
#include "core/slug.h"
#include "plugins/site_analysis/document_terms.h"
#include "plugins/site_analysis/term_tally_text.h"

namespace digestif::plugins::site_analysis {
namespace {

constexpr std::size_t kMaxTerms = 32;
constexpr double kTextWeight = 0.7, kTagWeight = 0.3;

/// The document's weighted terms (DocumentTerms), as views into its data.
TermCounts counts_of(const Document& document) {
  TermCounts counts;
  for (const auto& [term, count] : read_tally(terms_text(document, "weighted")))
    counts.emplace_back(term, static_cast<double>(count));
  return counts;
}

/// The document's tag slugs: from site.document_tags (`by_document`) when the tags plugin ran.
std::vector<std::string> tag_slugs(const Document& document, const Value* by_document) {
  std::vector<std::string> slugs;
  const Value* tags = by_document ? by_document->find(document.permalink) : nullptr;
  if (tags != nullptr && tags->is_array()) {
    for (const Value& tag : tags->as_array()) slugs.push_back(tag.get_string("slug"));
  } else {
    for (const std::string& tag : document.tags) slugs.push_back(slugify(tag));
  }
  std::erase(slugs, std::string());
  return slugs;
}

std::uint64_t terms_fingerprint_of(const Document& document) {
  return Fingerprint().add(terms_text(document, "weighted")).value();
}

double jaccard(const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
  std::size_t shared = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j)
      ++i;
    else if (*j < *i)
      ++j;
    else
      ++shared, ++i, ++j;
  }
  std::size_t all = a.size() + b.size() - shared;
  return all == 0 ? 0.0 : static_cast<double>(shared) / static_cast<double>(all);
}

std::int64_t bits_of(double number) { return std::bit_cast<std::int64_t>(number); }

}  // namespace

RelatedCorpus::RelatedCorpus(const Site& site, const KnownVectors* known)
    : documents_(site.documents.begin(), site.documents.end()) {
  terms_fingerprints_ = in_parallel<std::uint64_t>(documents_.size(), [&](std::size_t d) {
    const Document& document = *documents_[d];
    if (known != nullptr && !document.fingerprint.empty())
      if (auto it = known->by_permalink.find(document.permalink);
          it != known->by_permalink.end() && it->second.document == document.fingerprint)
        return it->second.terms;
    return terms_fingerprint_of(document);
  });
  if (known == nullptr || !take_known(*known)) {
    std::vector<TermCounts> counts = in_parallel<TermCounts>(
        documents_.size(), [&](std::size_t d) { return counts_of(*documents_[d]); });
    vectors_ = tfidf_vectors(counts, kMaxTerms, &terms_);
  }
  index_terms();
  index_tags(site);
}

RelatedCorpus::RelatedCorpus(const Site& site, LastVectors last)
    : documents_(site.documents.begin(), site.documents.end()),
      vectors_(std::move(last.vectors)),
      terms_fingerprints_(std::move(last.terms_fingerprints)),
      owned_terms_(std::move(last.terms)),
      terms_(owned_terms_.begin(), owned_terms_.end()) {
  index_terms();
  index_tags(site);
}

void RelatedCorpus::index_terms() {
  term_postings_.assign(terms_.size(), {});
  for (std::size_t d = 0; d < vectors_.size(); ++d)
    for (const auto& [term, weight] : vectors_[d]) term_postings_[term].push_back(d);
}

bool RelatedCorpus::take_known(const KnownVectors& known) {
  if (known.by_permalink.size() != documents_.size()) return false;
  std::vector<TermVector> vectors;
  vectors.reserve(documents_.size());
  for (std::size_t d = 0; d < documents_.size(); ++d) {
    auto it = known.by_permalink.find(documents_[d]->permalink);
    if (it == known.by_permalink.end() || it->second.terms != terms_fingerprints_[d]) return false;
    vectors.push_back(it->second.vector);
  }
  // The same terms give the same weights; a vocabulary of only the terms kept in vectors,
  // in the same order, gives the same sums (dot() adds in term order) and fingerprints.
  vectors_ = std::move(vectors);
  owned_terms_ = known.terms;
  terms_.assign(owned_terms_.begin(), owned_terms_.end());
  return true;
}

void RelatedCorpus::own_terms() {
  constexpr std::size_t kUnused = static_cast<std::size_t>(-1);
  std::vector<std::size_t> renumbered(terms_.size(), kUnused);
  std::vector<std::string> owned;
  std::vector<std::vector<std::size_t>> postings;
  for (std::size_t term = 0; term < terms_.size(); ++term) {
    if (term_postings_[term].empty()) continue;  // in no vector
    renumbered[term] = owned.size();
    owned.emplace_back(terms_[term]);
    postings.push_back(std::move(term_postings_[term]));
  }
  for (TermVector& vector : vectors_)
    for (auto& [term, weight] : vector) term = renumbered[term];
  owned_terms_ = std::move(owned);
  terms_.assign(owned_terms_.begin(), owned_terms_.end());
  term_postings_ = std::move(postings);
}

void RelatedCorpus::rebind(const Site& site) {
  documents_.assign(site.documents.begin(), site.documents.end());
}

bool RelatedCorpus::same_terms(std::size_t d) const {
  return terms_fingerprint_of(*documents_[d]) == terms_fingerprints_[d];
}

void RelatedCorpus::retag(std::size_t d, const Site& site) {
  set_tags(d, tag_slugs(*documents_[d], site.data.find("document_tags")));
}

void RelatedCorpus::index_tags(const Site& site) {
  const Value* by_document = site.data.find("document_tags");
  tags_.resize(documents_.size());
  for (std::size_t d = 0; d < documents_.size(); ++d)
    set_tags(d, tag_slugs(*documents_[d], by_document));
}

void RelatedCorpus::set_tags(std::size_t d, const std::vector<std::string>& slugs) {
  std::vector<std::size_t>& own = tags_[d];
  for (std::size_t tag : own) {
    std::vector<std::size_t>& posting = tag_postings_[tag];
    posting.erase(std::lower_bound(posting.begin(), posting.end(), d));
  }
  own.clear();
  for (const std::string& slug : slugs) {
    auto it = tag_ids_.find(slug);
    if (it == tag_ids_.end()) {
      it = tag_ids_.emplace(slug, tag_slugs_.size()).first;
      tag_postings_.emplace_back(), tag_slugs_.push_back(slug);
    }
    own.push_back(it->second);
  }
  std::sort(own.begin(), own.end());
  own.erase(std::unique(own.begin(), own.end()), own.end());
  for (std::size_t tag : own) {
    std::vector<std::size_t>& posting = tag_postings_[tag];
    posting.insert(std::lower_bound(posting.begin(), posting.end(), d), d);
  }
}

std::vector<std::size_t> RelatedCorpus::candidates(std::size_t a) const {
  thread_local std::vector<char> seen;  // all zero between calls
  if (seen.size() < documents_.size()) seen.resize(documents_.size(), 0);
  std::vector<std::size_t> found;
  auto add = [&](const std::vector<std::size_t>& posting) {
    if (posting.size() > kMaxPostings) return;
    for (std::size_t b : posting)
      if (b != a && !seen[b]) seen[b] = 1, found.push_back(b);
  };
  for (const auto& [term, weight] : vectors_[a]) add(term_postings_[term]);
  for (std::size_t tag : tags_[a]) add(tag_postings_[tag]);
  for (std::size_t b : found) seen[b] = 0;
  return found;
}

std::vector<Scored> RelatedCorpus::scored_candidates(std::size_t a) const {
  thread_local std::vector<double> spread;  // the vector of `a` by term id; all zero between calls
  if (spread.size() < terms_.size()) spread.resize(terms_.size(), 0);
  for (const auto& [term, weight] : vectors_[a]) spread[term] = weight;
  std::vector<Scored> scored;
  for (std::size_t b : candidates(a)) {
    // dot() adds the shared terms in id order whichever vector is spread: symmetric to the bit.
    double score =
        kTextWeight * dot(spread, vectors_[b]) + kTagWeight * jaccard(tags_[a], tags_[b]);
    score = std::round(score * 1e6) / 1e6;  // float noise must not decide ties
    if (score > 0) scored.push_back({score, b});
  }
  for (const auto& [term, weight] : vectors_[a]) spread[term] = 0;
  return scored;
}

std::uint64_t RelatedCorpus::shape(std::size_t a) const {
  const Document& document = *documents_[a];
  Fingerprint fingerprint;
  fingerprint.add(document.permalink)
      .add(static_cast<std::int64_t>(document.date.time_since_epoch().count()));
  for (const auto& [term, weight] : vectors_[a]) fingerprint.add(terms_[term]).add(bits_of(weight));
  std::vector<std::string_view> slugs;  // by name: tag ids depend on the order documents come in
  for (std::size_t tag : tags_[a]) slugs.push_back(tag_slugs_[tag]);
  std::sort(slugs.begin(), slugs.end());
  fingerprint.add(std::int64_t{-1});
  for (std::string_view slug : slugs) fingerprint.add(slug);
  return fingerprint.value();
}

std::uint64_t RelatedCorpus::crowded_terms() const {
  Fingerprint fingerprint;
  for (std::size_t term = 0; term < terms_.size(); ++term)
    if (term_postings_[term].size() > kMaxPostings) fingerprint.add(terms_[term]);
  fingerprint.add(std::int64_t{-1});
  for (std::size_t tag = 0; tag < tag_slugs_.size(); ++tag)
    if (tag_postings_[tag].size() > kMaxPostings) fingerprint.add(tag_slugs_[tag]);
  return fingerprint.value();
}

}  // namespace digestif::plugins::site_analysis
