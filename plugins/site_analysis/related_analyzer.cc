// RelatedAnalyzer: ranking each document's candidates, again only where a change can reach.
#include "plugins/site_analysis/related_analyzer.h"

#include <algorithm>
#include <cmath>

#include "core/parallel_map.h"
#include "plugins/site_analysis/document_reads.h"
#include "plugins/site_analysis/related_corpus.h"
#include "plugins/site_analysis/related_memo.h"
#include "plugins/site_analysis/related_run.h"

namespace digestif::plugins::site_analysis {
namespace {

/// Past this share of changed documents, every list is ranked afresh.
constexpr double kMostlyChanged = 0.25;

/// A listed document: a page shows its title, heading and dates from the document itself.
Value related_value(const std::string& permalink, double score) {
  return Value::Object{{"permalink", permalink},
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

/// `list`, an unchanged document's last one, with the candidates that `arrived` merged in; nullopt
/// when it listed a changed or removed document (its other candidates kept their scores, but
/// that one may have left: the list is ranked afresh).
std::optional<std::vector<Scored>> merged(std::vector<Scored> list, bool complete,
                                          const std::vector<Scored>& arrived,
                                          const std::vector<char>& changed, std::size_t keep,
                                          const RelatedCorpus& corpus) {
  if (!complete) return std::nullopt;  // it lists a document gone: no index into `changed`
  bool listed_changed = std::any_of(list.begin(), list.end(), [&](const Scored& scored) {
    return changed[scored.document] != 0;
  });
  if (listed_changed) return std::nullopt;
  list.insert(list.end(), arrived.begin(), arrived.end());
  keep_best(list, keep, corpus);
  return list;
}

std::vector<Scored> ranked_afresh(std::size_t a, const RelatedCorpus& corpus, std::size_t keep) {
  std::vector<Scored> list = corpus.scored_candidates(a);
  keep_best(list, keep, corpus);
  return list;
}

/// The list of `a`: the last one merged with its changed candidates when that holds, else
/// ranked afresh.
std::vector<Scored> list_of(std::size_t a, const RelatedCorpus& corpus, std::size_t keep,
                            const std::optional<Reuse>& reuse) {
  if (reuse && !reuse->changed[a])
    if (auto list = merged(reuse->remembered[a]->list, reuse->remembered[a]->complete,
                           reuse->arrived[a], reuse->changed, keep, corpus))
      return std::move(*list);
  return ranked_afresh(a, corpus, keep);
}

bool same_list(const std::vector<Scored>& a, const std::vector<Scored>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Scored& x, const Scored& y) {
    return x.document == y.document && x.score == y.score;
  });
}

/// A document's list as its page reads it.
Value list_value(const std::vector<Scored>& list, const std::vector<std::string>& permalinks) {
  Value value = Value::array();
  for (const Scored& scored : list)
    value.push_back(related_value(permalinks[scored.document], scored.score));
  return value;
}

/// Document `a`'s list, sealed: the core fingerprints each document's own entry
/// (PartInfo::own_entries), and a list that stays the same keeps its seal from run to run. A list
/// whose hash the run knows is made when a page reads it: most are never read in a build after an
/// edit. Notes the hash of a list made now.
Value sealed_list(RelatedRun& run, std::size_t a) {
  if (a < run.list_hashes.size() && run.list_hashes[a] != 0)
    return Value::later([list = run.lists[a],
                         permalinks = run.permalinks] { return list_value(list, *permalinks); },
                        run.list_hashes[a]);
  Value value = list_value(run.lists[a], *run.permalinks);
  std::uint64_t hash = Fingerprint::of(value);
  if (a < run.list_hashes.size()) run.list_hashes[a] = hash;
  return Value::sealed(std::move(value), hash);
}

/// site.data["related"] of a run: every document's list (sealed_list()), by permalink.
Value related_object(RelatedRun& run) {
  run.list_hashes.resize(run.lists.size());
  std::vector<Value> values =
      in_parallel<Value>(run.lists.size(), [&](std::size_t a) { return sealed_list(run, a); });
  std::vector<Value::Object::value_type> related;  // sorted once: permalinks come newest first
  related.reserve(values.size());
  for (std::size_t d = 0; d < values.size(); ++d)
    related.emplace_back((*run.permalinks)[d], std::move(values[d]));
  return Value::Object(std::move(related));
}

/// The documents of `site` whose Document::fingerprint is not the one `run` ranked (all those
/// without one); nullopt when the documents are others, or in another order.
std::optional<std::vector<std::size_t>> edited_documents(const RelatedRun& run, const Site& site) {
  if (site.documents.size() != run.permalinks->size()) return std::nullopt;
  std::vector<std::size_t> edited;
  for (std::size_t d = 0; d < site.documents.size(); ++d) {
    const Document& document = *site.documents[d];
    if (document.permalink != (*run.permalinks)[d]) return std::nullopt;
    if (document.fingerprint.empty() || document.fingerprint != run.fingerprints[d])
      edited.push_back(d);
  }
  return edited;
}

}  // namespace

std::unique_ptr<RelatedRun> RelatedAnalyzer::rank(const Site& site, std::string_view memo) const {
  std::optional<RelatedMemo> last = read_related_memo(memo);
  auto run = std::make_unique<RelatedRun>(site, last ? &last->vectors : nullptr);
  const RelatedCorpus& corpus = run->corpus;
  std::size_t count = corpus.documents().size();
  run->shapes = in_parallel<std::uint64_t>(count, [&](std::size_t d) { return corpus.shape(d); });
  std::optional<Reuse> reuse = reuse_of(last, corpus, run->shapes);
  run->lists = in_parallel<std::vector<Scored>>(
      count, [&](std::size_t a) { return list_of(a, corpus, max_related_, reuse); });
  for (const Document* document : corpus.documents()) {
    run->permalinks->push_back(document->permalink);
    run->fingerprints.push_back(document->fingerprint);
  }
  run->related = related_object(*run);
  run->crowded_terms = corpus.crowded_terms();
  run->memo_size = memo.size() + memo.size() / 8;
  run->corpus.own_terms();
  return run;
}

std::optional<std::vector<std::size_t>> RelatedAnalyzer::rank_again(RelatedRun& run,
                                                                    const Site& site) const {
  std::optional<std::vector<std::size_t>> edited = edited_documents(run, site);
  std::size_t count = site.documents.size();
  if (!edited)
    run.records.clear();
  else
    for (std::size_t d : *edited)
      if (d < run.records.size()) run.records[d] = {};  // no longer as saved
  if (!edited || static_cast<double>(edited->size()) > kMostlyChanged * static_cast<double>(count))
    return std::nullopt;
  RelatedCorpus& corpus = run.corpus;
  corpus.rebind(site);
  // New terms weigh all vectors again; new crowded tags change candidates all over.
  for (std::size_t d : *edited)
    if (!corpus.same_terms(d)) return std::nullopt;
  for (std::size_t d : *edited) corpus.retag(d, site);
  if (corpus.crowded_terms() != run.crowded_terms) return std::nullopt;
  std::vector<char> changed(count, 0);
  std::vector<std::size_t> reached;  // documents whose list may change: the changed ones first
  for (std::size_t d : *edited) {
    run.fingerprints[d] = site.documents[d]->fingerprint;
    std::uint64_t shape = corpus.shape(d);
    if (shape != run.shapes[d]) run.shapes[d] = shape, changed[d] = 1, reached.push_back(d);
  }
  std::size_t moved = reached.size();
  // Scores are symmetric: a changed document's candidates are the lists it may enter.
  std::vector<std::vector<Scored>> arrived(count);
  for (std::size_t i = 0; i < moved; ++i)
    for (const Scored& scored : corpus.scored_candidates(reached[i]))
      if (!changed[scored.document]) arrived[scored.document].push_back({scored.score, reached[i]});
  for (std::size_t a = 0; a < count; ++a) {
    bool listed_changed =
        std::any_of(run.lists[a].begin(), run.lists[a].end(),
                    [&](const Scored& scored) { return changed[scored.document]; });
    if (!changed[a] && (listed_changed || !arrived[a].empty())) reached.push_back(a);
  }
  RelatedLists lists = in_parallel<std::vector<Scored>>(reached.size(), [&](std::size_t i) {
    std::size_t a = reached[i];
    if (i >= moved)
      if (auto list = merged(run.lists[a], true, arrived[a], changed, max_related_, corpus))
        return std::move(*list);
    return ranked_afresh(a, corpus, max_related_);
  });
  std::vector<std::size_t> relisted;
  for (std::size_t i = 0; i < reached.size(); ++i) {
    std::size_t a = reached[i];
    if (same_list(lists[i], run.lists[a])) continue;
    run.lists[a] = std::move(lists[i]);
    if (a < run.records.size()) run.records[a] = {};
    if (a < run.list_hashes.size()) run.list_hashes[a] = 0;  // made again, with its new hash
    relisted.push_back(a);
  }
  return relisted;
}

std::unique_ptr<RelatedRun> RelatedAnalyzer::run_from_memo(const Site& site, std::string_view memo,
                                                           SharedBytes saved) const {
  if (std::unique_ptr<RelatedRun> run = read_run_in_order(memo, site, std::move(saved)))
    if (rank_again(*run, site)) {
      run->related = related_object(*run);
      return run;
    }
  return rank(site, memo);
}

PartInfo RelatedAnalyzer::info() const {
  PartInfo info{"related", Stage::analyze, {"document.terms"}, {"site.related"}};
  info.wants = {"site.document_tags"};
  return info;
}

void RelatedAnalyzer::analyze(Site& site) const {
  site.data["related"] = std::move(rank(site, {})->related);
}

void RelatedAnalyzer::analyze_with_memo(Site& site, std::string& memo) const {
  SharedBytes saved = SharedBytes::of(std::move(memo));
  std::unique_ptr<RelatedRun> run = run_from_memo(site, saved.view, saved);
  site.data["related"] = std::move(run->related);
  memo = run->bytes();
}

void RelatedAnalyzer::analyze_with_live_memo(Site& site, AnalyzerMemo& memo) const {
  auto* last = dynamic_cast<RelatedRun*>(memo.live.get());
  std::unique_ptr<RelatedRun> run;
  std::optional<std::vector<std::size_t>> relisted;
  if (last != nullptr && (relisted = rank_again(*last, site))) {
    for (std::size_t a : *relisted) last->related[(*last->permalinks)[a]] = sealed_list(*last, a);
    run.reset(static_cast<RelatedRun*>(memo.live.release()));
  } else if (last != nullptr) {
    std::string made;
    run = rank(site, memo.saved(made));
  } else {  // the saved memo is kept with the run: its unchanged records are saved as they are
    SharedBytes saved = memo.take_saved();
    run = run_from_memo(site, saved.view, saved);
  }
  site.data["related"] = run->related;  // a copy of each list's seal
  memo.keep_live(std::move(run));
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
