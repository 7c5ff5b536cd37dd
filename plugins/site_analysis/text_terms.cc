// Text terms: word splitting, word counting and stop words.
#include "plugins/site_analysis/text_terms.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace digestif::plugins::site_analysis {
namespace {

/// Sorted, for binary search.
constexpr std::array<std::string_view, 64> kStopWords = {
    "about", "after",   "again", "also", "and",   "any",   "are",   "because", "been",  "before",
    "being", "between", "both",  "but",  "can",   "could", "did",   "does",    "doing", "during",
    "each",  "for",     "from",  "had",  "has",   "have",  "how",   "into",    "its",   "just",
    "more",  "most",    "not",   "now",  "off",   "only",  "other", "our",     "out",   "over",
    "own",   "same",    "some",  "such", "than",  "that",  "the",   "their",   "them",  "then",
    "there", "these",   "they",  "this", "those", "very",  "was",   "were",    "what",  "when",
    "which", "while",   "with",  "you"};

bool is_stop_word(std::string_view word) {
  return std::binary_search(kStopWords.begin(), kStopWords.end(), word);
}

bool is_number(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (is_word_byte(byte)) {
      word += lowercase(byte);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

long count_words(std::string_view text) {
  long count = 0;
  bool in_token = false, token_has_word = false;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isspace(byte)) {
      count += token_has_word ? 1 : 0;
      in_token = token_has_word = false;
      continue;
    }
    in_token = true;
    token_has_word = token_has_word || is_word_byte(byte);
  }
  return count + (in_token && token_has_word ? 1 : 0);
}

std::vector<std::string> terms_of(std::string_view text) {
  std::vector<std::string> terms;
  for_each_term(text, [&](std::string_view term) { terms.emplace_back(term); });
  return terms;
}

bool is_term(std::string_view word) {
  return word.size() >= 3 && !is_number(word) && !is_stop_word(word);
}

}  // namespace digestif::plugins::site_analysis
