// Rising terms: tallying thread terms per period and comparing two tallies.
#include "plugins/site_analysis/rising_terms.h"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include "plugins/site_analysis/text_terms.h"

namespace digestif::plugins::site_analysis {
namespace {

/// Words digest summaries use whatever the topic ("the thread discusses ..."), sorted.
constexpr std::array<std::string_view, 40> kBoilerplate = {
    "all",        "around",     "asking",      "asks",      "discuss",   "discussed", "discusses",
    "discussing", "discussion", "discussions", "help",      "looking",   "many",      "people",
    "post",       "posts",      "question",    "questions", "regarding", "related",   "revolves",
    "seeking",    "seeks",      "share",       "shared",    "shares",    "sharing",   "should",
    "thread",     "threads",    "topic",       "user",      "users",     "using",     "various",
    "what",       "where",      "who",         "will",      "would"};

bool is_boilerplate(std::string_view term) {
  return std::binary_search(kBoilerplate.begin(), kBoilerplate.end(), term);
}

}  // namespace

TermTally thread_terms(const std::vector<const Document*>& documents) {
  TermTally tally;
  for (const Document* document : documents) {
    const Value* threads = document->data.find("threads");
    if (threads == nullptr || !threads->is_array()) continue;
    for (const Value& thread : threads->as_array()) {
      std::string text = thread.get_string("title_plain", thread.get_string("title")) + "\n" +
                         thread.get_string("summary");
      std::vector<std::string> terms = terms_of(text);
      for (const std::string& term : std::set<std::string>(terms.begin(), terms.end()))
        if (!is_boilerplate(term)) ++tally[term];
    }
  }
  return tally;
}

std::vector<RisingTerm> rising_terms(const TermTally& now, const TermTally& before,
                                     std::size_t limit) {
  std::vector<RisingTerm> rising;
  for (const auto& [term, count] : now) {
    auto it = before.find(term);
    long previous = it == before.end() ? 0 : it->second;
    if (count >= 2 && count > previous) rising.push_back({term, count, previous, count - previous});
  }
  std::sort(rising.begin(), rising.end(), [](const RisingTerm& a, const RisingTerm& b) {
    if (a.rise != b.rise) return a.rise > b.rise;
    return a.count != b.count ? a.count > b.count : a.term < b.term;
  });
  if (rising.size() > limit) rising.resize(limit);
  return rising;
}

}  // namespace digestif::plugins::site_analysis
