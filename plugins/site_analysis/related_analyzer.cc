// RelatedAnalyzer: an inverted index over terms and tags, then scoring of the candidates.
#include "plugins/site_analysis/related_analyzer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/date.h"
#include "core/parallel_map.h"
#include "core/slug.h"
#include "plugins/site_analysis/document_reads.h"
#include "plugins/site_analysis/document_terms.h"
#include "plugins/site_analysis/term_tally_text.h"
#include "plugins/site_analysis/tfidf.h"

namespace digestif::plugins::site_analysis {
namespace {

constexpr std::size_t kMaxTerms = 32;
constexpr std::size_t kMaxPostings = 500;
constexpr double kTextWeight = 0.7, kTagWeight = 0.3;

using Postings = std::vector<std::vector<std::size_t>>;  // term or tag id -> document indexes

/// The documents, their vectors and tags, and the inverted index over both.
struct Corpus {
  std::vector<const Document*> documents;
  std::vector<TermVector> vectors;
  std::vector<std::vector<std::size_t>> tags;  // sorted tag ids per document
  Postings term_postings, tag_postings;
};

/// The document's weighted terms (DocumentTerms), as views into its data.
TermCounts counts_of(const Document& document) {
  TermCounts counts;
  for (const auto& [term, count] : read_tally(terms_text(document, "weighted")))
    counts.emplace_back(term, static_cast<double>(count));
  return counts;
}

std::vector<std::string> tag_slugs(const Document& document, const Site& site) {
  std::vector<std::string> slugs;
  const Value* by_document = site.data.find("document_tags");
  const Value* tags = by_document ? by_document->find(document.permalink) : nullptr;
  if (tags != nullptr && tags->is_array()) {
    for (const Value& tag : tags->as_array()) slugs.push_back(tag.get_string("slug"));
  } else {
    for (const std::string& tag : document.tags) slugs.push_back(slugify(tag));
  }
  std::erase(slugs, std::string());
  return slugs;
}

void index_tags(Corpus& corpus, const Site& site) {
  std::map<std::string, std::size_t> ids;
  for (const Document* document : corpus.documents) {
    std::vector<std::size_t>& own = corpus.tags.emplace_back();
    for (const std::string& slug : tag_slugs(*document, site)) {
      auto [it, fresh] = ids.emplace(slug, ids.size());
      if (fresh) corpus.tag_postings.emplace_back();
      own.push_back(it->second);
    }
    std::sort(own.begin(), own.end());
    own.erase(std::unique(own.begin(), own.end()), own.end());
    for (std::size_t tag : own) corpus.tag_postings[tag].push_back(corpus.tags.size() - 1);
  }
}

Corpus build_corpus(const Site& site) {
  Corpus corpus;
  corpus.documents.assign(site.documents.begin(), site.documents.end());
  std::vector<TermCounts> counts = in_parallel<TermCounts>(
      corpus.documents.size(), [&](std::size_t d) { return counts_of(*corpus.documents[d]); });
  corpus.vectors = tfidf_vectors(counts, kMaxTerms);
  for (std::size_t d = 0; d < corpus.vectors.size(); ++d)
    for (const auto& [term, weight] : corpus.vectors[d]) {
      if (corpus.term_postings.size() <= term) corpus.term_postings.resize(term + 1);
      corpus.term_postings[term].push_back(d);
    }
  index_tags(corpus, site);
  return corpus;
}

/// Documents sharing a term or tag of `a` (through postings of at most kMaxPostings).
std::vector<std::size_t> candidates(const Corpus& corpus, std::size_t a, std::vector<char>& seen) {
  std::vector<std::size_t> found;
  auto visit = [&](const std::vector<std::size_t>& posting) {
    if (posting.size() > kMaxPostings) return;
    for (std::size_t b : posting)
      if (b != a && !seen[b]) seen[b] = 1, found.push_back(b);
  };
  for (const auto& [term, weight] : corpus.vectors[a]) visit(corpus.term_postings[term]);
  for (std::size_t tag : corpus.tags[a]) visit(corpus.tag_postings[tag]);
  for (std::size_t b : found) seen[b] = 0;
  return found;
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

struct Scored {
  double score;
  std::size_t document;
};

/// `spread`: the vector of `a` spread out by term id (see dot()).
double score_of(const Corpus& corpus, std::size_t a, const std::vector<double>& spread,
                std::size_t b) {
  double score = kTextWeight * dot(spread, corpus.vectors[b]) +
                 kTagWeight * jaccard(corpus.tags[a], corpus.tags[b]);
  return std::round(score * 1e6) / 1e6;  // float noise must not decide ties
}

Value related_value(const Document& document, double score, const SiteConfig& config) {
  Value value = Value::object();
  value.as_object().reserve(7);
  value["title"] = document.title;
  value["heading"] = document.data.get_string("heading", document.title);
  value["url"] = config.url_of(document.permalink);
  value["date"] = format_iso_date(document.date);
  value["date_display"] = format_display_date(document.date);
  value["score"] = std::round(score * 1000) / 1000;
  value["percent"] = static_cast<long>(std::lround(score * 100));
  return value;
}

}  // namespace

PartInfo RelatedAnalyzer::info() const {
  PartInfo info{"related", Stage::analyze, {"document.terms"}, {"site.related"}};
  info.wants = {"site.document_tags"};
  return info;
}

void RelatedAnalyzer::analyze(Site& site) const {
  Corpus corpus = build_corpus(site);
  auto before = [&](const Scored& x, const Scored& y) {
    if (x.score != y.score) return x.score > y.score;
    const Document &a = *corpus.documents[x.document], &b = *corpus.documents[y.document];
    return a.date != b.date ? a.date > b.date : a.permalink < b.permalink;
  };
  auto related_of = [&](std::size_t a) {
    thread_local std::vector<char> seen;      // all zero between calls
    thread_local std::vector<double> spread;  // likewise
    if (seen.size() < corpus.documents.size()) seen.resize(corpus.documents.size(), 0);
    if (spread.size() < corpus.term_postings.size()) spread.resize(corpus.term_postings.size(), 0);
    for (const auto& [term, weight] : corpus.vectors[a]) spread[term] = weight;
    std::vector<Scored> scored;
    for (std::size_t b : candidates(corpus, a, seen))
      if (double score = score_of(corpus, a, spread, b); score > 0) scored.push_back({score, b});
    for (const auto& [term, weight] : corpus.vectors[a]) spread[term] = 0;
    std::size_t keep = std::min(max_related_, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(keep), scored.end(),
                      before);
    Value list = Value::array();
    for (std::size_t i = 0; i < keep; ++i)
      list.push_back(
          related_value(*corpus.documents[scored[i].document], scored[i].score, site.config));
    return list;
  };
  std::vector<Value> lists = in_parallel<Value>(corpus.documents.size(), related_of);
  std::vector<Value::Object::value_type> related;  // sorted once: permalinks come newest first
  related.reserve(corpus.documents.size());
  for (std::size_t a = 0; a < corpus.documents.size(); ++a)
    related.emplace_back(corpus.documents[a]->permalink, std::move(lists[a]));
  site.data["related"] = Value::Object(std::move(related));
}

bool RelatedAnalyzer::fingerprint_document(const Document& document,
                                           Fingerprint& fingerprint) const {
  add_listing(document, fingerprint);
  fingerprint.add_members(&document.data, {"terms"});
  fingerprint.add(static_cast<std::int64_t>(document.tags.size()));  // without site.document_tags
  for (const std::string& tag : document.tags) fingerprint.add(tag);
  return true;
}

}  // namespace digestif::plugins::site_analysis
