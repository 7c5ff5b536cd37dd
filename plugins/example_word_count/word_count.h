// The example external plugin's parts: word counts per document, and word-counts.json.
#pragma once

#include <string>

#include "core/plugin.h"

namespace word_count {

/// Counts a word for every whitespace-separated token holding a letter or a digit.
long count_words(const std::string& text);

/// Per document: data["words"] (words of the body) and data["minutes_to_read"] (at
/// `words_per_minute`, rounded up, at least 1). (The built-in site_analysis already makes
/// "document.word_count": products are unique, so this example names its own.)
class WordCountAnalyzer : public digestif::DocumentAnalyzer {
 public:
  explicit WordCountAnalyzer(long words_per_minute) : words_per_minute_(words_per_minute) {}
  digestif::PartInfo info() const override;
  void analyze(digestif::Document& document) const override;

 private:
  long words_per_minute_;
};

/// One site-wide JSON file (`output`, default word-counts.json): every published document's
/// permalink, URL, title and counts, newest first, and the total.
class WordCountsRenderer : public digestif::Renderer {
 public:
  explicit WordCountsRenderer(std::string output) : output_(std::move(output)) {}
  digestif::PartInfo info() const override;
  std::vector<digestif::PlannedOutput> plan(const digestif::Site& site) const override;
  std::string render(const digestif::PlannedOutput& output,
                     const digestif::Site& site) const override;

 private:
  std::string output_;
};

}  // namespace word_count
