// ChartMemo: the chart sets of the last run, each under a fingerprint of what it was drawn from,
// so a run after a change draws only the sets whose documents changed; and what a set reads of
// each document, under the document's fingerprint, so an unchanged document is not read again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/value.h"

namespace digestif::plugins::charts {

class ChartMemo {
 public:
  /// The sets of a memo; none when it is empty or damaged.
  explicit ChartMemo(std::string_view memo);
  /// The set drawn from inputs of this fingerprint in the last run, if any.
  std::optional<Value> find(std::uint64_t inputs) const;
  /// What the last run read of the document made from `document` (Document::fingerprint), if
  /// it was there.
  std::optional<std::uint64_t> reads(const std::string& document) const;

 private:
  std::unordered_map<std::uint64_t, std::string> sets_;   // inputs -> encoded set
  std::unordered_map<std::string, std::uint64_t> reads_;  // document fingerprint -> reads
};

/// A memo of `sets`, each drawn from inputs of fingerprint `inputs[i]`, and of `reads`
/// (document fingerprint -> what the sets read of it).
std::string chart_memo(const std::vector<std::uint64_t>& inputs, const std::vector<Value>& sets,
                       const std::vector<std::pair<std::string, std::uint64_t>>& reads);

}  // namespace digestif::plugins::charts
