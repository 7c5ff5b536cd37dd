// RelatedMemo: crowded terms, the vectors' vocabulary, then per document its permalink, shape,
// Document::fingerprint, terms fingerprint, vector (term ids and weight bits), list (document
// positions in the memo and score bits) and the hash of the list's value.
#include "plugins/site_analysis/related_memo.h"

#include <algorithm>
#include <bit>
#include <unordered_map>

#include "core/binary_codec.h"

namespace digestif::plugins::site_analysis {
namespace {

constexpr std::string_view kMagic = "related-memo 4";
constexpr std::size_t kGone = static_cast<std::size_t>(-1);

TermVector read_vector(BinaryReader& in, std::size_t terms) {
  TermVector vector;
  std::uint64_t count = in.number();
  vector.reserve(std::min<std::uint64_t>(count, in.remaining() / 2));  // 2 bytes each at least
  for (; count > 0; --count) {
    std::uint64_t term = in.number();
    if (term >= terms || (!vector.empty() && term <= vector.back().first))
      throw DamagedData("a term out of order");
    vector.emplace_back(term, std::bit_cast<double>(in.number()));
  }
  return vector;
}

/// The vectors' terms, sorted, and each vector's terms renumbered into that list.
std::pair<std::vector<std::string_view>, std::vector<std::size_t>> used_terms(
    const RelatedCorpus& corpus) {
  std::vector<std::size_t> ids;
  for (const TermVector& vector : corpus.vectors())
    for (const auto& [term, weight] : vector) ids.push_back(term);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::vector<std::string_view> terms;
  std::vector<std::size_t> renumbered(ids.empty() ? 0 : ids.back() + 1);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    terms.push_back(corpus.term(ids[i]));
    renumbered[ids[i]] = i;
  }
  return {terms, renumbered};
}

}  // namespace

std::optional<RelatedMemo> read_related_memo(std::string_view bytes) {
  if (bytes.empty()) return std::nullopt;
  try {
    BinaryReader in(bytes);
    if (in.text() != kMagic) return std::nullopt;
    RelatedMemo memo;
    memo.crowded_terms = in.number();
    for (std::uint64_t count = in.number(); count > 0; --count)
      memo.vectors.terms.push_back(in.text());
    for (std::uint64_t count = in.number(); count > 0; --count) {
      std::string& permalink = memo.permalinks.emplace_back(in.text());
      RememberedList& entry = memo.lists.emplace_back();
      entry.shape = in.number();
      KnownVector& known = memo.vectors.by_permalink[permalink];
      known.document = in.text();
      known.terms = in.number();
      known.vector = read_vector(in, memo.vectors.terms.size());
      for (std::uint64_t listed = in.number(); listed > 0; --listed) {
        std::uint64_t position = in.number();
        entry.list.push_back({std::bit_cast<double>(in.number()), position});
      }
      in.number();  // the list's hash: of no use once documents moved
    }
    if (!in.at_end()) return std::nullopt;
    return memo;
  } catch (const DamagedData&) {
    return std::nullopt;
  }
}

std::unique_ptr<RelatedRun> read_run_in_order(std::string_view bytes, const Site& site,
                                              SharedBytes saved) {
  if (bytes.empty()) return nullptr;
  try {
    BinaryReader in(bytes);
    auto at = [&] { return bytes.size() - in.remaining(); };
    if (in.text_view() != kMagic) return nullptr;
    std::uint64_t crowded_terms = in.number();
    LastVectors last;
    for (std::uint64_t count = in.number(); count > 0; --count) last.terms.push_back(in.text());
    std::string_view vocabulary = bytes.substr(0, at());
    std::size_t count = site.documents.size();
    if (in.number() != count) return nullptr;
    std::vector<std::uint64_t> shapes(count);
    std::vector<std::string> fingerprints(count);
    RelatedLists lists(count);
    std::vector<std::uint64_t> list_hashes(count);
    last.vectors.resize(count);
    last.terms_fingerprints.resize(count);
    std::vector<std::string_view> records(count);
    for (std::size_t d = 0; d < count; ++d) {
      std::size_t start = at();
      if (in.text_view() != site.documents[d]->permalink) return nullptr;
      shapes[d] = in.number();
      fingerprints[d] = in.text_view();
      last.terms_fingerprints[d] = in.number();
      last.vectors[d] = read_vector(in, last.terms.size());
      for (std::uint64_t listed = in.number(); listed > 0; --listed) {
        std::uint64_t position = in.number();
        if (position >= count) throw DamagedData("a listed document out of range");
        lists[d].push_back({std::bit_cast<double>(in.number()), position});
      }
      list_hashes[d] = in.number();
      records[d] = bytes.substr(start, at() - start);
    }
    if (!in.at_end()) return nullptr;
    auto run = std::make_unique<RelatedRun>(site, std::move(last));
    if (saved.view.data() == bytes.data() && saved.view.size() == bytes.size()) {
      run->saved = std::move(saved);
      run->saved_vocabulary = vocabulary;
      run->records = std::move(records);
    }
    run->crowded_terms = crowded_terms;
    for (const Document* document : site.documents) run->permalinks->push_back(document->permalink);
    run->fingerprints = std::move(fingerprints);
    run->shapes = std::move(shapes);
    run->lists = std::move(lists);
    run->list_hashes = std::move(list_hashes);
    run->memo_size = bytes.size() + bytes.size() / 8;
    return run;
  } catch (const DamagedData&) {
    return nullptr;
  }
}

std::optional<std::vector<std::optional<RememberedList>>> lists_by_document(
    RelatedMemo& memo, const RelatedCorpus& corpus) {
  if (memo.crowded_terms != corpus.crowded_terms()) return std::nullopt;
  std::unordered_map<std::string_view, std::size_t> now;
  for (std::size_t d = 0; d < corpus.documents().size(); ++d)
    now.emplace(corpus.documents()[d]->permalink, d);
  std::vector<std::size_t> index;  // memo position -> this run's index
  for (const std::string& permalink : memo.permalinks) {
    auto it = now.find(permalink);
    index.push_back(it == now.end() ? kGone : it->second);
  }
  std::vector<std::optional<RememberedList>> by_document(corpus.documents().size());
  for (std::size_t i = 0; i < memo.lists.size(); ++i) {
    if (index[i] == kGone) continue;
    for (Scored& scored : memo.lists[i].list) {
      scored.document = scored.document < index.size() ? index[scored.document] : kGone;
      if (scored.document == kGone) memo.lists[i].complete = false;
    }
    by_document[index[i]] = std::move(memo.lists[i]);
  }
  return by_document;
}

std::string related_memo(const RelatedRun& run) {
  const RelatedCorpus& corpus = run.corpus;
  auto [terms, renumbered] = used_terms(corpus);
  std::string bytes;
  bytes.reserve(run.memo_size);
  BinaryWriter out(bytes);
  out.put(kMagic);
  out.put(run.crowded_terms);
  out.put(std::uint64_t{terms.size()});
  for (std::string_view term : terms) out.put(term);
  // The kept records number their terms as the saved vocabulary does: usable when it is this.
  bool same_vocabulary = run.saved.owner != nullptr && bytes == run.saved_vocabulary;
  const std::vector<std::string>& permalinks = *run.permalinks;
  out.put(std::uint64_t{permalinks.size()});
  for (std::size_t d = 0; d < permalinks.size(); ++d) {
    if (same_vocabulary && d < run.records.size() && !run.records[d].empty()) {
      bytes += run.records[d];
      continue;
    }
    out.put(std::string_view(permalinks[d]));
    out.put(run.shapes[d]);
    out.put(std::string_view(run.fingerprints[d]));
    out.put(corpus.terms_fingerprint(d));
    out.put(std::uint64_t{corpus.vectors()[d].size()});
    for (const auto& [term, weight] : corpus.vectors()[d]) {
      out.put(std::uint64_t{renumbered[term]});
      out.put(std::bit_cast<std::uint64_t>(weight));
    }
    out.put(std::uint64_t{run.lists[d].size()});
    for (const Scored& scored : run.lists[d]) {
      out.put(std::uint64_t{scored.document});
      out.put(std::bit_cast<std::uint64_t>(scored.score));
    }
    out.put(d < run.list_hashes.size() ? run.list_hashes[d] : std::uint64_t{0});
  }
  return bytes;
}

}  // namespace digestif::plugins::site_analysis
