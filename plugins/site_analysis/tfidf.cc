// TF-IDF: weighting, pruning and normalizing term vectors.
#include "plugins/site_analysis/tfidf.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace digestif::plugins::site_analysis {
namespace {

/// term -> (id, document frequency); ids in alphabetical order of the terms.
using TermTable = std::unordered_map<std::string_view, std::pair<std::size_t, std::size_t>>;

TermTable term_table(const std::vector<TermCounts>& documents,
                     std::vector<std::string_view>& terms) {
  TermTable table;
  for (const TermCounts& counts : documents)
    for (const auto& [term, count] : counts) ++table[term].second;
  terms.reserve(table.size());
  for (const auto& [term, entry] : table) terms.push_back(term);
  std::sort(terms.begin(), terms.end());
  for (std::size_t id = 0; id < terms.size(); ++id) table[terms[id]].first = id;
  return table;
}

TermVector prune_and_normalize(TermVector vector, std::size_t max_terms) {
  // Heaviest first; equal weights keep the smaller id (the alphabetically first term).
  std::sort(vector.begin(), vector.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  if (vector.size() > max_terms) vector.resize(max_terms);
  vector.shrink_to_fit();  // kept for the whole analysis, one per document
  double norm = 0;
  for (const auto& [id, weight] : vector) norm += weight * weight;
  norm = std::sqrt(norm);
  for (auto& [id, weight] : vector) weight /= norm;
  std::sort(vector.begin(), vector.end());
  return vector;
}

}  // namespace

std::vector<TermVector> tfidf_vectors(const std::vector<TermCounts>& documents,
                                      std::size_t max_terms, std::vector<std::string_view>* terms) {
  std::vector<std::string_view> sorted;
  auto table = term_table(documents, sorted);
  if (terms != nullptr) *terms = std::move(sorted);
  double total = static_cast<double>(documents.size());
  std::vector<TermVector> vectors;
  vectors.reserve(documents.size());
  for (const TermCounts& counts : documents) {
    TermVector vector;
    for (const auto& [term, count] : counts) {
      const auto& [id, df] = table.at(term);
      double weight = (1 + std::log(count)) * std::log(total / static_cast<double>(df));
      if (weight > 0) vector.emplace_back(id, weight);
    }
    vectors.push_back(prune_and_normalize(std::move(vector), max_terms));
  }
  return vectors;
}

double dot(const TermVector& a, const TermVector& b) {
  double sum = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (i->first < j->first) {
      ++i;
    } else if (j->first < i->first) {
      ++j;
    } else {
      sum += (i++)->second * (j++)->second;
    }
  }
  return sum;
}

double dot(const std::vector<double>& a, const TermVector& b) {
  double sum = 0;
  for (const auto& [term, weight] : b)
    if (double mine = a[term]; mine != 0) sum += mine * weight;
  return sum;
}

}  // namespace digestif::plugins::site_analysis
