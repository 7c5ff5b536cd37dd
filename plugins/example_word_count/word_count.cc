// Counting words and writing them out as JSON.
#include "plugins/example_word_count/word_count.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace word_count {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/// Letters and digits; any byte of a multi-byte UTF-8 character counts as a letter.
bool is_wordy(char c) {
  auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || (byte >= '0' && byte <= '9') ||
         ((byte | 0x20) >= 'a' && (byte | 0x20) <= 'z');
}

}  // namespace

long count_words(const std::string& text) {
  long words = 0;
  bool in_token = false, token_counted = false;
  for (char c : text) {
    if (is_space(c)) {
      in_token = false;
      continue;
    }
    if (!in_token) in_token = true, token_counted = false;
    if (!token_counted && is_wordy(c)) ++words, token_counted = true;
  }
  return words;
}

digestif::PartInfo WordCountAnalyzer::info() const {
  return {"word_count",
          digestif::Stage::analyze,
          {"document"},
          {"document.words", "document.minutes_to_read"}};
}

void WordCountAnalyzer::analyze(digestif::Document& document) const {
  long words = count_words(document.body);
  document.data["words"] = words;
  document.data["minutes_to_read"] =
      std::max(1L, (words + words_per_minute_ - 1) / words_per_minute_);
}

digestif::PartInfo WordCountsRenderer::info() const {
  return {"word_counts_json",
          digestif::Stage::render,
          {"document.words", "document.minutes_to_read"},
          {"output.word_counts"}};
}

std::vector<digestif::PlannedOutput> WordCountsRenderer::plan(const digestif::Site&) const {
  return {{output_, digestif::Value::object()}};
}

std::string WordCountsRenderer::render(const digestif::PlannedOutput&,
                                       const digestif::Site& site) const {
  nlohmann::ordered_json documents = nlohmann::ordered_json::array();
  long total = 0;
  for (const digestif::Document* document : site.documents) {
    const digestif::Value* words = document->data.find("words");
    const digestif::Value* minutes = document->data.find("minutes_to_read");
    if (words == nullptr || minutes == nullptr) continue;  // its analysis failed
    total += words->as_int();
    documents.push_back({{"permalink", document->permalink},
                         {"url", site.config.absolute_url(site.config.url_of(document->permalink))},
                         {"title", document->title},
                         {"word_count", words->as_int()},
                         {"reading_minutes", minutes->as_int()}});
  }
  nlohmann::ordered_json json = {{"total_words", total}, {"documents", std::move(documents)}};
  return json.dump(2) + "\n";
}

}  // namespace word_count
