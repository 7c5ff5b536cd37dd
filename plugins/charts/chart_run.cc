// ChartRun: the last run's facts and sets by document fingerprint and inputs.
#include "plugins/charts/chart_run.h"

#include "core/fingerprint.h"
#include "plugins/charts/chart_memo.h"

namespace digestif::plugins::charts {

std::uint64_t tag_positions_key(const Site& site, const Value& group) {
  return Fingerprint()
      .add(static_cast<std::int64_t>(site.order))
      .add(static_cast<std::int64_t>(Fingerprint::of(group)))
      .value();
}

void ChartRun::index() {
  by_document_ = KeyPositions();
  by_inputs_.clear();
  for (std::size_t d = 0; d < documents.size(); ++d)
    if (!documents[d].empty()) by_document_.emplace(documents[d], d);
  for (std::size_t i = 0; i < inputs.size(); ++i) by_inputs_.emplace(inputs[i], i);
  taken_ = std::make_unique<std::atomic<bool>[]>(documents.size());
}

std::optional<ReadFacts> ChartRun::take_facts(const Document& document) {
  std::size_t at =
      document.fingerprint.empty() ? KeyPositions::npos : by_document_.find(document.fingerprint);
  if (at == KeyPositions::npos || taken_[at].exchange(true)) return std::nullopt;
  ReadFacts known = std::move(facts[at]);
  known.facts.document = &document;
  return known;
}

const std::vector<std::size_t>* ChartRun::tag_positions(std::uint64_t key) const {
  auto it = positions.find(key);
  return it != positions.end() ? &it->second : nullptr;
}

std::optional<Value> ChartRun::find(std::uint64_t set_inputs) const {
  auto it = by_inputs_.find(set_inputs);
  if (it == by_inputs_.end()) return std::nullopt;
  return sets[it->second];  // sealed: a copy shares it
}

std::string_view ChartRun::encoded_set(std::uint64_t set_inputs) const {
  auto it = by_inputs_.find(set_inputs);
  return it == by_inputs_.end() || it->second >= encoded_sets.size() ? std::string_view()
                                                                     : encoded_sets[it->second];
}

std::string ChartRun::bytes() const {
  return chart_memo(inputs, sets, encoded_sets, documents, facts, memo_size);
}

}  // namespace digestif::plugins::charts
