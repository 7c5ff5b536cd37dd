// Rising terms: tallying thread terms per period and comparing two tallies.
#include "plugins/site_analysis/rising_terms.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace digestif::plugins::site_analysis {
namespace {

/// Words digest summaries use whatever the topic ("the thread discusses ...", "users think"),
/// sorted.
constexpr std::array<std::string_view, 60> kBoilerplate = {
    "all",       "always",     "around",     "asking",      "asks",     "discuss",   "discussed",
    "discusses", "discussing", "discussion", "discussions", "even",     "going",     "help",
    "kind",      "know",       "like",       "looking",     "make",     "many",      "much",
    "need",      "people",     "post",       "posts",       "question", "questions", "really",
    "regarding", "related",    "revolves",   "seeking",     "seeks",    "seem",      "seems",
    "share",     "shared",     "shares",     "sharing",     "should",   "suggest",   "suggests",
    "think",     "thread",     "threads",    "topic",       "user",     "users",     "using",
    "various",   "want",       "way",        "well",        "what",     "where",     "whether",
    "who",       "why",        "will",       "would"};

}  // namespace

bool is_boilerplate(std::string_view term) {
  return std::binary_search(kBoilerplate.begin(), kBoilerplate.end(), term);
}

std::vector<RisingTerm> rising_terms(const TermTally& now, const TermTally& before,
                                     std::size_t limit, long now_threads, long before_threads) {
  double scale = before_threads > 0 ? static_cast<double>(now_threads) / before_threads : 1.0;
  std::vector<std::pair<double, RisingTerm>> scored;  // (excess over expected, term)
  for (const auto& [term, count] : now) {
    auto it = before.find(term);
    long previous = it == before.end() ? 0 : it->second;
    double excess = static_cast<double>(count) - static_cast<double>(previous) * scale;
    auto rise = std::lround(excess);
    if (count >= 2 && rise >= 1)
      scored.push_back({excess, {std::string(term), count, previous, rise}});
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    if (a.second.count != b.second.count) return a.second.count > b.second.count;
    return a.second.term < b.second.term;
  });
  std::vector<RisingTerm> rising;
  for (std::size_t i = 0; i < scored.size() && i < limit; ++i) rising.push_back(scored[i].second);
  return rising;
}

}  // namespace digestif::plugins::site_analysis
