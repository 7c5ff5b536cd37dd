// Text terms: the words of a text, lowercased, as the site analyzers count and compare them.
#pragma once

#include <functional>
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

/// Calls `visit` with each of terms_of(text), in order, without making a string per word: the
/// view is valid during the call only.
void for_each_term(std::string_view text, const std::function<void(std::string_view)>& visit);

}  // namespace digestif::plugins::site_analysis
