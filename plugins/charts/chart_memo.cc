// ChartMemo: a count, then each set's input fingerprint, hash and encoding (BinaryWriter); a
// count, then each document's fingerprint and the encoding of its chart facts.
#include "plugins/charts/chart_memo.h"

#include "core/binary_codec.h"
#include "core/diagnostic.h"
#include "core/fingerprint.h"

namespace digestif::plugins::charts {
namespace {

constexpr std::string_view kMagic = "chart-memo 4";

}  // namespace

ChartMemo::ChartMemo(SharedBytes memo) : memo_(std::move(memo)) {
  if (memo_.view.empty()) return;
  try {
    BinaryReader in(memo_.view);
    if (in.text() != kMagic) return;
    for (std::uint64_t count = in.number(); count > 0; --count) {
      std::uint64_t inputs = in.number();
      std::uint64_t hash = in.number();
      sets_[inputs] = {hash, in.text_view()};
    }
    for (std::uint64_t count = in.number(); count > 0; --count) {
      std::string_view document = in.text_view();
      facts_[document] = in.text_view();
    }
  } catch (const DamagedData&) {
    sets_.clear();
    facts_.clear();
  }
}

std::optional<Value> ChartMemo::find(std::uint64_t inputs) const {
  auto it = sets_.find(inputs);
  if (it == sets_.end()) return std::nullopt;
  // Decoded on its first read: after a small edit most sets are only saved again, as encoded
  // here (a few tags' pages show theirs).
  const auto& [hash, encoded] = it->second;
  return Value::later(
      [encoded = encoded] {  // alive as long as the encoding's owner, in the value
        try {
          BinaryReader in(encoded);
          Value set = in.value();
          if (in.at_end()) return set;
        } catch (const DamagedData&) {
        }
        throw Error(".digestif/site/", 0,
                    "the charts' memo no longer reads back; delete .digestif/ and build again");
      },
      hash, {encoded, memo_.owner});
}

std::string_view ChartMemo::encoded_set(std::uint64_t inputs) const {
  auto it = sets_.find(inputs);
  return it == sets_.end() ? std::string_view() : it->second.second;
}

std::optional<ReadFacts> ChartMemo::take_facts(const Document& document) {
  auto it = facts_.find(document.fingerprint);
  if (document.fingerprint.empty() || it == facts_.end()) return std::nullopt;
  try {
    BinaryReader in(it->second);
    ChartFacts facts = get_facts(in, document);
    if (!in.at_end()) return std::nullopt;
    std::uint64_t fingerprint = facts_fingerprint(document, it->second);
    return ReadFacts{std::move(facts), fingerprint, it->second};
  } catch (const DamagedData&) {
    return std::nullopt;
  }
}

std::string chart_memo(const std::vector<std::uint64_t>& inputs, const std::vector<Value>& sets,
                       const std::vector<std::string_view>& encoded_sets,
                       const std::vector<std::string>& documents,
                       const std::vector<ReadFacts>& facts, std::size_t reserve) {
  std::string bytes;
  bytes.reserve(reserve);
  BinaryWriter out(bytes);
  out.put(kMagic);
  out.put(std::uint64_t{sets.size()});
  for (std::size_t i = 0; i < sets.size(); ++i) {
    std::string set;
    std::string_view encoded = i < encoded_sets.size() ? encoded_sets[i] : std::string_view();
    if (encoded.empty()) BinaryWriter(set).put(sets[i]), encoded = set;
    out.put(inputs[i]);
    out.put(Fingerprint::of(sets[i]));  // the seal's, not read again
    out.put(encoded);
  }
  std::size_t known = 0;
  for (const std::string& document : documents) known += document.empty() ? 0 : 1;
  out.put(std::uint64_t{known});
  for (std::size_t d = 0; d < documents.size(); ++d) {
    if (documents[d].empty()) continue;
    std::string made;
    std::string_view encoded = facts[d].encoded;
    if (encoded.empty()) {
      BinaryWriter writer(made);
      put_facts(writer, facts[d].facts);
      encoded = made;
    }
    out.put(std::string_view(documents[d]));
    out.put(encoded);
  }
  return bytes;
}

}  // namespace digestif::plugins::charts
