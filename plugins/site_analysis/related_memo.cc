// RelatedMemo: crowded terms, then per document its permalink, shape and list (document
// positions in the memo and score bits).
#include "plugins/site_analysis/related_memo.h"

#include <bit>
#include <unordered_map>

#include "core/binary_codec.h"

namespace digestif::plugins::site_analysis {
namespace {

constexpr std::string_view kMagic = "related-memo 1";
constexpr std::size_t kGone = static_cast<std::size_t>(-1);

/// For each document of the memo, its index in this run (kGone when it is not published).
std::vector<std::size_t> current_indexes(const std::vector<std::string>& permalinks,
                                         const RelatedCorpus& corpus) {
  std::unordered_map<std::string_view, std::size_t> now;
  for (std::size_t d = 0; d < corpus.documents().size(); ++d)
    now.emplace(corpus.documents()[d]->permalink, d);
  std::vector<std::size_t> indexes;
  for (const std::string& permalink : permalinks) {
    auto it = now.find(permalink);
    indexes.push_back(it == now.end() ? kGone : it->second);
  }
  return indexes;
}

}  // namespace

std::optional<std::vector<std::optional<RememberedList>>> read_related_memo(
    std::string_view memo, const RelatedCorpus& corpus) {
  if (memo.empty()) return std::nullopt;
  try {
    BinaryReader in(memo);
    if (in.text() != kMagic || in.number() != corpus.crowded_terms()) return std::nullopt;
    std::uint64_t count = in.number();
    std::vector<std::string> permalinks;
    std::vector<RememberedList> remembered;
    for (std::uint64_t i = 0; i < count; ++i) {
      permalinks.push_back(in.text());
      RememberedList& entry = remembered.emplace_back();
      entry.shape = in.number();
      for (std::uint64_t listed = in.number(); listed > 0; --listed) {
        std::uint64_t position = in.number();
        entry.list.push_back({std::bit_cast<double>(in.number()), position});
      }
    }
    if (!in.at_end()) return std::nullopt;
    std::vector<std::size_t> now = current_indexes(permalinks, corpus);
    std::vector<std::optional<RememberedList>> by_document(corpus.documents().size());
    for (std::size_t i = 0; i < remembered.size(); ++i) {
      if (now[i] == kGone) continue;
      for (Scored& scored : remembered[i].list) {
        std::size_t document = scored.document < now.size() ? now[scored.document] : kGone;
        if (document == kGone) remembered[i].complete = false;
        scored.document = document;
      }
      by_document[now[i]] = std::move(remembered[i]);
    }
    return by_document;
  } catch (const DamagedData&) {
    return std::nullopt;
  }
}

std::string related_memo(const RelatedCorpus& corpus, const std::vector<std::uint64_t>& shapes,
                         const RelatedLists& lists) {
  std::string bytes;
  BinaryWriter out(bytes);
  out.put(kMagic);
  out.put(corpus.crowded_terms());
  out.put(std::uint64_t{corpus.documents().size()});
  for (std::size_t d = 0; d < corpus.documents().size(); ++d) {
    out.put(std::string_view(corpus.documents()[d]->permalink));
    out.put(shapes[d]);
    out.put(std::uint64_t{lists[d].size()});
    for (const Scored& scored : lists[d]) {
      out.put(std::uint64_t{scored.document});
      out.put(std::bit_cast<std::uint64_t>(scored.score));
    }
  }
  return bytes;
}

}  // namespace digestif::plugins::site_analysis
