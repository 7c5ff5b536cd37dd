// ChartMemo: a count, then each set's input fingerprint and its encoding (BinaryWriter); a
// count, then each document's fingerprint and what the sets read of it.
#include "plugins/charts/chart_memo.h"

#include "core/binary_codec.h"

namespace digestif::plugins::charts {
namespace {

constexpr std::string_view kMagic = "chart-memo 2";

}  // namespace

ChartMemo::ChartMemo(std::string_view memo) {
  if (memo.empty()) return;
  try {
    BinaryReader in(memo);
    if (in.text() != kMagic) return;
    for (std::uint64_t count = in.number(); count > 0; --count) {
      std::uint64_t inputs = in.number();
      sets_[inputs] = in.text();
    }
    for (std::uint64_t count = in.number(); count > 0; --count) {
      std::string document = in.text();
      reads_[std::move(document)] = in.number();
    }
  } catch (const DamagedData&) {
    sets_.clear();
    reads_.clear();
  }
}

std::optional<std::uint64_t> ChartMemo::reads(const std::string& document) const {
  auto it = reads_.find(document);
  if (document.empty() || it == reads_.end()) return std::nullopt;
  return it->second;
}

std::optional<Value> ChartMemo::find(std::uint64_t inputs) const {
  auto it = sets_.find(inputs);
  if (it == sets_.end()) return std::nullopt;
  try {
    return BinaryReader(it->second).value();
  } catch (const DamagedData&) {
    return std::nullopt;
  }
}

std::string chart_memo(const std::vector<std::uint64_t>& inputs, const std::vector<Value>& sets,
                       const std::vector<std::pair<std::string, std::uint64_t>>& reads) {
  std::string bytes;
  BinaryWriter out(bytes);
  out.put(kMagic);
  out.put(std::uint64_t{sets.size()});
  for (std::size_t i = 0; i < sets.size(); ++i) {
    std::string set;
    BinaryWriter(set).put(sets[i]);
    out.put(inputs[i]);
    out.put(std::string_view(set));
  }
  out.put(std::uint64_t{reads.size()});
  for (const auto& [document, read] : reads) {
    out.put(std::string_view(document));
    out.put(read);
  }
  return bytes;
}

}  // namespace digestif::plugins::charts
