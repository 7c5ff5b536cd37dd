// Text terms: the words of a text, lowercased, as the site analyzers count and compare them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace digestif::plugins::site_analysis {

/// The words of `text` in order: runs of ASCII letters and digits, lowercased; any byte >= 0x80
/// (UTF-8) counts as a letter, so "café" is one word.
std::vector<std::string> words_of(std::string_view text);

/// How many words a reader sees in `text`: whitespace-separated runs holding a letter or digit
/// (markdown marks such as "*" or "#" alone are not words).
long count_words(std::string_view text);

/// The terms used for similarity: words_of(text) without English stop words, words shorter than
/// three characters and plain numbers.
std::vector<std::string> terms_of(std::string_view text);

/// True for the bytes words are made of: ASCII letters and digits, and any byte >= 0x80.
inline bool is_word_byte(unsigned char c) {
  return static_cast<unsigned>((c | 32u) - 'a') < 26u || static_cast<unsigned>(c - '0') < 10u ||
         c >= 0x80;
}

/// The byte with ASCII letters lowercased.
inline char lowercase(unsigned char c) {
  return static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 32 : c);
}

/// True for a (lowercased) word terms_of keeps: at least three bytes, not an English stop word,
/// not a plain number.
bool is_term(std::string_view word);

/// Calls `visit(std::string_view)` with each of terms_of(text), in order, without making a
/// string per word: the view is valid during the call only.
template <typename Visit>
void for_each_term(std::string_view text, Visit&& visit) {
  std::string word;
  auto end_word = [&] {
    if (is_term(word)) visit(std::string_view(word));
    word.clear();
  };
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (is_word_byte(byte))
      word += lowercase(byte);
    else if (!word.empty())
      end_word();
  }
  if (!word.empty()) end_word();
}

}  // namespace digestif::plugins::site_analysis
