// Chart facts: what the charts read of one document, small enough to keep in the charts' memo so
// an unchanged document's analysis is not decoded again.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/binary_codec.h"
#include "core/document.h"

namespace digestif::plugins::charts {

/// The emotion labels a mix counts, in stacking order.
inline constexpr std::array<const char*, 4> kEmotionLabels = {"positive", "neutral", "mixed",
                                                              "negative"};

struct ChartFacts {
  const Document* document = nullptr;     ///< its date and permalink (read without decoding)
  bool has_threads = false;               ///< data["threads"] holds a thread: a digest
  std::optional<std::int64_t> top_score;  ///< data["stats"]["top_score"]
  std::optional<std::array<double, kEmotionLabels.size()>>
      emotions;  ///< data["emotion_mix"], by label
  /// One per flair of each thread with an identity ("No flair" for a thread without one): the
  /// flair's name and a hash of the thread's identity (post id, else URL, else title).
  std::vector<std::pair<std::string, std::uint64_t>> flaired_threads;
};

using FactsList = std::vector<const ChartFacts*>;

/// Reads the facts out of the document's analysis data.
ChartFacts chart_facts(const Document& document);

/// A fingerprint of everything a chart set reads of the document, the facts and its date and
/// permalink.
std::uint64_t facts_fingerprint(const ChartFacts& facts);
/// The same, of the document's facts as put_facts() encoded them.
std::uint64_t facts_fingerprint(const Document& document, std::string_view encoded);

/// The facts in BinaryWriter's encoding, and back (the document is not part of the encoding).
void put_facts(BinaryWriter& out, const ChartFacts& facts);
ChartFacts get_facts(BinaryReader& in, const Document& document);

/// The facts of each document, and a list pointing to them (for tests and one-off sets).
std::vector<ChartFacts> chart_facts(const std::vector<const Document*>& documents);
FactsList pointers_to(const std::vector<ChartFacts>& facts);

}  // namespace digestif::plugins::charts
