// ChartMemo: a count, then each set's input fingerprint, hash and encoding (BinaryWriter); a
// count, then each document's fingerprint and the encoding of its chart facts.
#include "plugins/charts/chart_memo.h"

#include "core/binary_codec.h"
#include "core/fingerprint.h"

namespace digestif::plugins::charts {
namespace {

constexpr std::string_view kMagic = "chart-memo 4";

}  // namespace

ChartMemo::ChartMemo(std::string_view memo) {
  if (memo.empty()) return;
  try {
    BinaryReader in(memo);
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
  try {
    const auto& [hash, encoded] = it->second;
    return Value::sealed(BinaryReader(encoded).value(), hash);  // as it was drawn
  } catch (const DamagedData&) {
    return std::nullopt;
  }
}

std::optional<ReadFacts> ChartMemo::take_facts(const Document& document) {
  auto it = facts_.find(document.fingerprint);
  if (document.fingerprint.empty() || it == facts_.end()) return std::nullopt;
  try {
    BinaryReader in(it->second);
    ChartFacts facts = get_facts(in, document);
    std::uint64_t fingerprint = facts_fingerprint(facts);
    return ReadFacts{std::move(facts), fingerprint};
  } catch (const DamagedData&) {
    return std::nullopt;
  }
}

std::string chart_memo(const std::vector<std::uint64_t>& inputs, const std::vector<Value>& sets,
                       const std::vector<std::string>& documents,
                       const std::vector<ReadFacts>& facts, std::size_t reserve) {
  std::string bytes;
  bytes.reserve(reserve);
  BinaryWriter out(bytes);
  out.put(kMagic);
  out.put(std::uint64_t{sets.size()});
  for (std::size_t i = 0; i < sets.size(); ++i) {
    std::string set;
    BinaryWriter(set).put(sets[i]);
    out.put(inputs[i]);
    out.put(Fingerprint::of(sets[i]));  // the seal's, not read again
    out.put(std::string_view(set));
  }
  std::size_t known = 0;
  for (const std::string& document : documents) known += document.empty() ? 0 : 1;
  out.put(std::uint64_t{known});
  for (std::size_t d = 0; d < documents.size(); ++d) {
    if (documents[d].empty()) continue;
    std::string encoded;
    BinaryWriter writer(encoded);
    put_facts(writer, facts[d].facts);
    out.put(std::string_view(documents[d]));
    out.put(std::string_view(encoded));
  }
  return bytes;
}

}  // namespace digestif::plugins::charts
