// ChartMemo: the chart sets of the last run, each under a fingerprint of what it was drawn from,
// so a run after a change draws only the sets whose documents changed; and each document's
// chart facts, under the document's fingerprint, so an unchanged document is not read again.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/value.h"
#include "plugins/charts/chart_facts.h"
#include "plugins/charts/chart_run.h"

namespace digestif::plugins::charts {

class ChartMemo : public KnownCharts {
 public:
  /// The sets of a memo; none when it is empty or damaged. Facts and sets taken from it point
  /// into `memo` (encodings()).
  explicit ChartMemo(SharedBytes memo);
  std::optional<Value> find(std::uint64_t inputs) const override;
  std::string_view encoded_set(std::uint64_t inputs) const override;
  SharedBytes encodings() const override { return memo_; }
  std::optional<ReadFacts> take_facts(const Document& document) override;

 private:
  SharedBytes memo_;
  // inputs -> the set's hash (Fingerprint::of) and encoding
  std::unordered_map<std::uint64_t, std::pair<std::uint64_t, std::string_view>> sets_;
  std::unordered_map<std::string_view, std::string_view> facts_;  // document -> encoded facts
};

/// A memo of `sets`, each drawn from inputs of fingerprint `inputs[i]`, and of the facts of
/// each document that has a fingerprint (`documents[d]`, of `facts[d]`); `reserve`: bytes to
/// make room for at once. A set or facts with their encoding at hand (`encoded_sets[i]`,
/// ReadFacts::encoded) are written as they are.
std::string chart_memo(const std::vector<std::uint64_t>& inputs, const std::vector<Value>& sets,
                       const std::vector<std::string_view>& encoded_sets,
                       const std::vector<std::string>& documents,
                       const std::vector<ReadFacts>& facts, std::size_t reserve = 0);

}  // namespace digestif::plugins::charts
