// ChartMemo: the chart sets of the last run, each under a fingerprint of what it was drawn from,
// so a run after a change draws only the sets whose documents changed; and each document's
// chart facts, under the document's fingerprint, so an unchanged document is not read again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/value.h"
#include "plugins/charts/chart_facts.h"

namespace digestif::plugins::charts {

class ChartMemo {
 public:
  /// The sets of a memo; none when it is empty or damaged. The memo must outlive this.
  explicit ChartMemo(std::string_view memo);
  /// The set drawn from inputs of this fingerprint in the last run, if any.
  std::optional<Value> find(std::uint64_t inputs) const;
  /// The facts of the document when the last run read them from the same analysis (its
  /// Document::fingerprint).
  std::optional<ChartFacts> facts(const Document& document) const;

 private:
  std::unordered_map<std::uint64_t, std::string_view> sets_;      // inputs -> encoded set
  std::unordered_map<std::string_view, std::string_view> facts_;  // document -> encoded facts
};

/// A memo of `sets`, each drawn from inputs of fingerprint `inputs[i]`, and of the facts of
/// each document that has a fingerprint. `expected_size`: room to reserve (the last memo's
/// size), so a memo of megabytes is not copied as it grows.
std::string chart_memo(const std::vector<std::uint64_t>& inputs, const std::vector<Value>& sets,
                       const std::vector<ChartFacts>& facts, std::size_t expected_size = 0);

}  // namespace digestif::plugins::charts
