// Term tallies as text: how a document keeps its counted terms in its data ("term count" lines),
// so the site analyzers read them back without splitting the text into words again.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace digestif::plugins::site_analysis {

/// Hashes a term given as a string or a view alike.
struct TermHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view term) const {
    return std::hash<std::string_view>{}(term);
  }
};

/// term -> count, as a document's terms are counted (found by string_view without a copy).
using Tally = std::unordered_map<std::string, long, TermHash, std::equal_to<>>;

/// Adds `count` to `term`'s, making a string for the term only the first time.
void add_to_tally(Tally& tally, std::string_view term, long count);

/// (term, count) pairs, sorted by term; the terms are views into the text they were read from.
using TallyEntries = std::vector<std::pair<std::string_view, long>>;

/// One "term count\n" line per term, in alphabetical order. Terms never hold a space or a line
/// break (see words_of).
std::string tally_text(const Tally& tally);

/// The entries of tally_text(); a line that does not read as "term count" is skipped.
TallyEntries read_tally(std::string_view text);

}  // namespace digestif::plugins::site_analysis
