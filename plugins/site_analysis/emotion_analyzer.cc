// EmotionAnalyzer: a keyword rule from emotion text to label, and the per-digest mix.
#include "plugins/site_analysis/emotion_analyzer.h"

#include <algorithm>
#include <array>

#include "plugins/site_analysis/text_terms.h"

namespace digestif::plugins::site_analysis {
namespace {

constexpr std::array<std::string_view, 24> kPositive = {
    "admiration", "amused",       "appreciation", "appreciative", "celebratory", "encouraging",
    "enthusiasm", "enthusiastic", "excited",      "excitement",   "grateful",    "gratitude",
    "happy",      "hopeful",      "humor",        "impressed",    "optimism",    "optimistic",
    "positive",   "praise",       "supportive",   "thankful",     "thanks",      "upbeat"};

constexpr std::array<std::string_view, 24> kNegative = {
    "anger",      "angry",    "annoyance",  "annoyed",      "anxiety",        "anxious",
    "cynical",    "cynicism", "criticism",  "disappointed", "disappointment", "disapproval",
    "dismissive", "fear",     "frustrated", "frustration",  "hostile",        "hostility",
    "negative",   "outrage",  "pessimism",  "pessimistic",  "skepticism",     "skeptical"};

constexpr std::array<std::string_view, 3> kMixed = {"ambivalent", "mix", "mixed"};
constexpr std::array<std::string_view, 3> kNegations = {"no", "not", "without"};

template <std::size_t N>
bool in(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

constexpr std::array<std::string_view, 4> kLabels = {"positive", "neutral", "negative", "mixed"};

}  // namespace

std::string emotion_label(std::string_view emotion) {
  std::vector<std::string> words = words_of(emotion);
  if (words.empty()) return {};
  bool positive = false, negative = false;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (in(kMixed, words[i])) return "mixed";
    if (i > 0 && in(kNegations, words[i - 1])) continue;
    positive = positive || in(kPositive, words[i]);
    negative = negative || in(kNegative, words[i]);
  }
  if (positive && negative) return "mixed";
  if (positive) return "positive";
  return negative ? "negative" : "neutral";
}

PartInfo EmotionAnalyzer::info() const {
  return {"emotion", Stage::analyze, {"document.threads"}, {"document.emotion"}};
}

void EmotionAnalyzer::analyze(Document& document) const {
  const Value* found = document.data.find("threads");
  if (found == nullptr || !found->is_array()) return;
  Value& threads = document.data["threads"];
  Value mix = Value::object();
  for (std::string_view label : kLabels) mix[label] = 0;
  for (Value& thread : threads.as_array()) {
    std::string label = emotion_label(thread.get_string("emotion"));
    thread["emotion_label"] = label;
    thread["has_emotion_label"] = !label.empty();
    if (!label.empty()) mix[label] = mix[label].as_int() + 1;
  }
  document.data["emotion_mix"] = std::move(mix);
}

}  // namespace digestif::plugins::site_analysis
