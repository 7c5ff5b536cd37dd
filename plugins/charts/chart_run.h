// ChartRun: what a run of charts drew and read, kept as its memo (LiveMemo) by a process that
// builds again, so the next run takes the unchanged documents' facts and the unchanged sets as
// they are; made into ChartMemo's bytes only to be saved.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/analyzer.h"
#include "core/key_positions.h"
#include "core/site.h"
#include "plugins/charts/chart_facts.h"

namespace digestif::plugins::charts {

/// A document's chart facts and their facts_fingerprint().
struct ReadFacts {
  ChartFacts facts;
  std::uint64_t fingerprint = 0;
  /// The facts as a saved memo held them (empty for facts read afresh): saved again as they are.
  std::string_view encoded = {};
};

/// What a run can take of the last one: a document's facts, a set drawn from the same inputs.
class KnownCharts {
 public:
  virtual ~KnownCharts() = default;
  /// The facts of the document when the last run read them from the same analysis (its
  /// Document::fingerprint), pointing at it; each once.
  virtual std::optional<ReadFacts> take_facts(const Document& document) = 0;
  /// The set drawn from inputs of this fingerprint in the last run, if any.
  virtual std::optional<Value> find(std::uint64_t inputs) const = 0;
  /// That set as a saved memo held it; empty when unknown.
  virtual std::string_view encoded_set(std::uint64_t inputs) const = 0;
  /// What the views of encoded facts and sets point into (null: nothing).
  virtual SharedBytes encodings() const = 0;
  /// The positions in Site::documents of a tag's documents, found by the last run under this
  /// key (tag_positions_key()); nullptr when unknown.
  virtual const std::vector<std::size_t>* tag_positions(std::uint64_t key) const {
    (void)key;
    return nullptr;
  }
};

/// What a tag's positions are found under: the site's order (Site::order) and the tag's group.
std::uint64_t tag_positions_key(const Site& site, const Value& group);

struct ChartRun : LiveMemo, KnownCharts {
  std::vector<ReadFacts> facts;        ///< by document, in site order (of the build that ran)
  std::vector<std::string> documents;  ///< their Document::fingerprint
  std::vector<std::uint64_t> inputs;   ///< by set: a fingerprint of what it was drawn from
  std::vector<Value> sets;             ///< the site's, then each tag's; sealed
  std::vector<std::string_view> encoded_sets;  ///< by set, as a saved memo held it, or empty
  SharedBytes saved;                           ///< the memo the encoded views point into
  std::size_t memo_size = 0;  ///< room to reserve for bytes(): the last memo's and more
  /// The positions of each tag's documents, by tag_positions_key() (in a site made by hand,
  /// of order 0, none are kept).
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> positions;

  /// Indexes the documents and sets (call once they are all in).
  void index();
  /// Moves the facts out (safe from several threads at once, for different documents).
  std::optional<ReadFacts> take_facts(const Document& document) override;
  std::optional<Value> find(std::uint64_t inputs) const override;
  std::string_view encoded_set(std::uint64_t inputs) const override;
  SharedBytes encodings() const override { return saved; }
  const std::vector<std::size_t>* tag_positions(std::uint64_t key) const override;
  /// The memo as saved (chart_memo.h).
  std::string bytes() const override;

 private:
  KeyPositions by_document_;                                  // fingerprint -> position
  std::unique_ptr<std::atomic<bool>[]> taken_;                // by position
  std::unordered_map<std::uint64_t, std::size_t> by_inputs_;  // inputs -> set
};

}  // namespace digestif::plugins::charts
