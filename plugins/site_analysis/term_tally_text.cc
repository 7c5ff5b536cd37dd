// Term tallies as text: writing and reading "term count" lines.
#include "plugins/site_analysis/term_tally_text.h"

#include <algorithm>
#include <charconv>

namespace digestif::plugins::site_analysis {

void add_to_tally(Tally& tally, std::string_view term, long count) {
  auto it = tally.find(term);
  if (it == tally.end()) it = tally.emplace(std::string(term), 0).first;
  it->second += count;
}

std::string tally_text(const Tally& tally) {
  std::vector<const Tally::value_type*> sorted;
  sorted.reserve(tally.size());
  for (const auto& entry : tally) sorted.push_back(&entry);
  std::sort(sorted.begin(), sorted.end(),
            [](const auto* a, const auto* b) { return a->first < b->first; });
  std::string text;
  for (const auto* entry : sorted) {
    text += entry->first;
    text += ' ';
    text += std::to_string(entry->second);
    text += '\n';
  }
  return text;
}

TallyEntries read_tally(std::string_view text) {
  TallyEntries entries;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    std::size_t space = line.rfind(' ');
    if (space == 0 || space == std::string_view::npos) continue;
    long count = 0;
    std::string_view digits = line.substr(space + 1);
    auto [at, error] = std::from_chars(digits.data(), digits.data() + digits.size(), count);
    if (error == std::errc() && at == digits.data() + digits.size())
      entries.emplace_back(line.substr(0, space), count);
  }
  return entries;
}

}  // namespace digestif::plugins::site_analysis
