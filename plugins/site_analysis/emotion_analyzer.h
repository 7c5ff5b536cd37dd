// EmotionAnalyzer: each thread's emotion text as one label, and each digest's mix of labels.
#pragma once

#include <string>
#include <string_view>

#include "core/plugin.h"

namespace digestif::plugins::site_analysis {

/// The label of an emotion text: "positive", "neutral", "negative" or "mixed"; "" for a text
/// without letters. The rule, on the lowercased words:
/// - "mixed", "mix" or "ambivalent" anywhere: mixed;
/// - else a positive word (positive, optimistic, enthusiastic, excitement, appreciation,
///   grateful, supportive, ...) and a negative word (negative, skeptical, criticism,
///   frustration, disapproval, pessimistic, ...) both: mixed;
/// - else only positive words: positive; only negative words: negative; none: neutral.
/// "neutral" itself weighs nothing, so a lean wins: "neutral to slightly positive" and
/// "neutral, with a slight positive leaning" are positive. A word right after "not", "no" or
/// "without" does not count ("no negative comments" is neutral).
std::string emotion_label(std::string_view emotion);

/// For documents with data["threads"]: writes threads[i]["emotion_label"] and
/// threads[i]["has_emotion_label"], and data["emotion_mix"] = {positive, neutral, negative,
/// mixed}: how many threads have each label (threads without an emotion text count in none).
class EmotionAnalyzer : public DocumentAnalyzer {
 public:
  PartInfo info() const override;
  void analyze(Document& document) const override;
};

}  // namespace digestif::plugins::site_analysis
