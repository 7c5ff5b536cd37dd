// RelatedAnalyzer: ranking each document's candidates, again only where a change can reach.
#include "plugins/site_analysis/related_analyzer.h"

#include <algorithm>
#include <cmath>

#include "core/parallel_map.h"
#include "plugins/site_analysis/document_reads.h"
#include "plugins/site_analysis/related_corpus.h"
#include "plugins/site_analysis/related_memo.h"

namespace digestif::plugins::site_analysis {
namespace {

/// Past this share of changed documents, every list is ranked afresh.
constexpr double kMostlyChanged = 0.25;

/// A listed document: a page shows its title, heading and dates from the document itself.
Value related_value(const Document& document, double score) {
  return Value::Object{{"permalink", document.permalink},
                       {"score", std::round(score * 1000) / 1000},
                       {"percent", static_cast<long>(std::lround(score * 100))}};
}

/// Keeps the `keep` best of `scored`: highest score first, then the newer, then by permalink.
void keep_best(std::vector<Scored>& scored, std::size_t keep, const RelatedCorpus& corpus) {
  auto before = [&](const Scored& x, const Scored& y) {
    if (x.score != y.score) return x.score > y.score;
    const Document &a = *corpus.documents()[x.document], &b = *corpus.documents()[y.document];
    return a.date != b.date ? a.date > b.date : a.permalink < b.permalink;
  };
  keep = std::min(keep, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<long>(keep), scored.end(), before);
  scored.resize(keep);
}

/// The lists of the last run that still hold, and which documents changed since.
struct Reuse {
  std::vector<std::optional<RememberedList>> remembered;
  std::vector<char> changed;                 // by document: new, or another shape
  std::vector<std::vector<Scored>> arrived;  // by unchanged document: changed candidates
};

/// What of the memo can be used; nullopt when every list must be ranked afresh.
std::optional<Reuse> reuse_of(std::optional<RelatedMemo>& memo, const RelatedCorpus& corpus,
                              const std::vector<std::uint64_t>& shapes) {
  if (!memo) return std::nullopt;
  auto remembered = lists_by_document(*memo, corpus);
  if (!remembered) return std::nullopt;
  std::size_t count = corpus.documents().size();
  Reuse reuse{std::move(*remembered), std::vector<char>(count, 0), {}};
  std::vector<std::size_t> changed;
  for (std::size_t d = 0; d < count; ++d)
    if (!reuse.remembered[d] || reuse.remembered[d]->shape != shapes[d]) {
      reuse.changed[d] = 1;
      changed.push_back(d);
    }
  if (static_cast<double>(changed.size()) > kMostlyChanged * static_cast<double>(count))
    return std::nullopt;
  // Scores are symmetric: a changed document's candidates are the lists it may enter.
  reuse.arrived.resize(count);
  for (std::size_t c : changed)
    for (const Scored& scored : corpus.scored_candidates(c))
      if (!reuse.changed[scored.document])
        reuse.arrived[scored.document].push_back({scored.score, c});
  return reuse;
}

/// The list of `a`: the last one with the changed candidates merged in, when it listed no
/// changed or removed document (its other candidates kept their scores); else ranked afresh.
std::vector<Scored> list_of(std::size_t a, const RelatedCorpus& corpus, std::size_t keep,
                            const std::optional<Reuse>& reuse) {
  if (reuse && !reuse->changed[a] && reuse->remembered[a]->complete) {
    std::vector<Scored> list = reuse->remembered[a]->list;
    bool listed_changed = std::any_of(list.begin(), list.end(), [&](const Scored& scored) {
      return reuse->changed[scored.document] != 0;
    });
    if (!listed_changed) {
      list.insert(list.end(), reuse->arrived[a].begin(), reuse->arrived[a].end());
      keep_best(list, keep, corpus);
      return list;
    }
  }
  std::vector<Scored> list = corpus.scored_candidates(a);
  keep_best(list, keep, corpus);
  return list;
}

}  // namespace

PartInfo RelatedAnalyzer::info() const {
  PartInfo info{"related", Stage::analyze, {"document.terms"}, {"site.related"}};
  info.wants = {"site.document_tags"};
  return info;
}

void RelatedAnalyzer::analyze(Site& site) const {
  std::string memo;
  analyze_with_memo(site, memo);
}

void RelatedAnalyzer::analyze_with_memo(Site& site, std::string& memo) const {
  std::optional<RelatedMemo> last = read_related_memo(memo);
  RelatedCorpus corpus(site, last ? &last->vectors : nullptr);
  std::size_t count = corpus.documents().size();
  std::vector<std::uint64_t> shapes =
      in_parallel<std::uint64_t>(count, [&](std::size_t d) { return corpus.shape(d); });
  std::optional<Reuse> reuse = reuse_of(last, corpus, shapes);
  RelatedLists lists = in_parallel<std::vector<Scored>>(
      count, [&](std::size_t a) { return list_of(a, corpus, max_related_, reuse); });
  std::vector<Value> values = in_parallel<Value>(count, [&](std::size_t a) {
    Value list = Value::array();
    for (const Scored& scored : lists[a])
      list.push_back(related_value(*corpus.documents()[scored.document], scored.score));
    return list;
  });
  std::vector<Value::Object::value_type> related;  // sorted once: permalinks come newest first
  related.reserve(count);
  for (std::size_t a = 0; a < count; ++a)
    related.emplace_back(corpus.documents()[a]->permalink, std::move(values[a]));
  site.data["related"] = Value::Object(std::move(related));
  memo = related_memo(corpus, shapes, lists, memo.size() + memo.size() / 8);
}

bool RelatedAnalyzer::fingerprint_document(const Document& document,
                                           Fingerprint& fingerprint) const {
  add_listing(document, fingerprint);
  fingerprint.add_members(document.data, {"terms"});
  fingerprint.add(static_cast<std::int64_t>(document.tags.size()));  // without site.document_tags
  for (const std::string& tag : document.tags) fingerprint.add(tag);
  return true;
}

}  // namespace digestif::plugins::site_analysis
