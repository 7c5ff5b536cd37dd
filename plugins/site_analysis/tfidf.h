// TF-IDF: sparse, normalized term vectors of a set of texts, kept to their heaviest terms.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace digestif::plugins::site_analysis {

/// A document's terms with how much each counts (a title word can count more than a body word),
/// each term once, sorted. The terms are views (into the documents' data), which must outlive
/// the counts.
using TermCounts = std::vector<std::pair<std::string_view, double>>;

/// (term id, weight), sorted by term id, of unit length (or empty).
using TermVector = std::vector<std::pair<std::size_t, double>>;

/// Vectors of `documents`: weight = (1 + ln count) * ln(N / df), where N is the number of
/// documents and df how many have the term (a term every document has weighs nothing). Each
/// vector keeps its `max_terms` heaviest terms (ties: the alphabetically first), then is scaled
/// to unit length, so the dot product of two vectors is their cosine similarity. `terms`, when
/// given, receives the term of each id.
std::vector<TermVector> tfidf_vectors(const std::vector<TermCounts>& documents,
                                      std::size_t max_terms,
                                      std::vector<std::string_view>* terms = nullptr);

/// The dot product of two sorted vectors.
double dot(const TermVector& a, const TermVector& b);

/// The same dot product with `a` spread out by term id (zero where `a` lacks the term): the
/// terms of `b` are visited in the same order, so the sum is the same to the last bit.
double dot(const std::vector<double>& a, const TermVector& b);

}  // namespace digestif::plugins::site_analysis
