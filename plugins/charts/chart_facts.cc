// Chart facts: reading a document's stats, emotion mix and flaired threads; their encoding.
#include "plugins/charts/chart_facts.h"

#include "core/fingerprint.h"

namespace digestif::plugins::charts {
namespace {

std::string thread_identity(const Value& thread) {
  for (const char* key : {"post_id", "url", "title"})
    if (std::string value = thread.get_string(key); !value.empty())
      return std::string(key) + ":" + value;
  return {};
}

std::vector<std::string> flair_names(const Value& thread) {
  std::vector<std::string> names;
  if (const Value* flairs = thread.find("flairs"); flairs != nullptr && flairs->is_array())
    for (const Value& flair : flairs->as_array())
      if (std::string name = flair.get_string("name"); !name.empty()) names.push_back(name);
  if (names.empty()) names.push_back("No flair");
  return names;
}

std::optional<std::array<double, kEmotionLabels.size()>> emotion_counts(const Value* mix) {
  if (mix == nullptr || !mix->is_object()) return std::nullopt;
  std::array<double, kEmotionLabels.size()> counts{};
  for (std::size_t i = 0; i < counts.size(); ++i)
    if (const Value* count = mix->find(kEmotionLabels[i]); count && count->is_int())
      counts[i] = static_cast<double>(count->as_int());
  return counts;
}

}  // namespace

ChartFacts chart_facts(const Document& document) {
  ChartFacts facts;
  facts.document = &document;
  const Value* stats = document.data.find("stats");
  if (const Value* top = stats ? stats->find("top_score") : nullptr; top && top->is_int())
    facts.top_score = top->as_int();
  facts.emotions = emotion_counts(document.data.find("emotion_mix"));
  const Value* threads = document.data.find("threads");
  if (threads == nullptr || !threads->is_array()) return facts;
  facts.has_threads = threads->size() > 0;
  for (const Value& thread : threads->as_array()) {
    std::string identity = thread_identity(thread);
    if (identity.empty()) continue;
    std::uint64_t hash = Fingerprint().add(identity).value();
    for (std::string& name : flair_names(thread))
      facts.flaired_threads.emplace_back(std::move(name), hash);
  }
  return facts;
}

void put_facts(BinaryWriter& out, const ChartFacts& facts) {
  out.put(std::uint64_t{facts.has_threads} | std::uint64_t{facts.top_score.has_value()} << 1 |
          std::uint64_t{facts.emotions.has_value()} << 2);
  if (facts.top_score) out.put_signed(*facts.top_score);
  if (facts.emotions)
    for (double count : *facts.emotions) out.put_signed(static_cast<std::int64_t>(count));
  out.put(std::uint64_t{facts.flaired_threads.size()});
  for (const auto& [flair, thread] : facts.flaired_threads) {
    out.put(std::string_view(flair));
    out.put(thread);
  }
}

ChartFacts get_facts(BinaryReader& in, const Document& document) {
  ChartFacts facts;
  facts.document = &document;
  std::uint64_t present = in.number();
  facts.has_threads = (present & 1) != 0;
  if ((present & 2) != 0) facts.top_score = in.signed_number();
  if ((present & 4) != 0) {
    facts.emotions.emplace();
    for (double& count : *facts.emotions) count = static_cast<double>(in.signed_number());
  }
  for (std::uint64_t count = in.number(); count > 0; --count) {
    std::string flair = in.text();
    facts.flaired_threads.emplace_back(std::move(flair), in.number());
  }
  return facts;
}

std::uint64_t facts_fingerprint(const ChartFacts& facts) {
  std::string encoded;
  BinaryWriter out(encoded);
  put_facts(out, facts);
  return facts_fingerprint(*facts.document, encoded);
}

std::uint64_t facts_fingerprint(const Document& document, std::string_view encoded) {
  std::string bytes;
  BinaryWriter out(bytes);
  out.put(std::string_view(document.permalink));
  out.put_signed(document.date.time_since_epoch().count());
  bytes += encoded;
  return Fingerprint().add(bytes).value();
}

std::vector<ChartFacts> chart_facts(const std::vector<const Document*>& documents) {
  std::vector<ChartFacts> facts;
  for (const Document* document : documents) facts.push_back(chart_facts(*document));
  return facts;
}

FactsList pointers_to(const std::vector<ChartFacts>& facts) {
  FactsList list;
  for (const ChartFacts& one : facts) list.push_back(&one);
  return list;
}

}  // namespace digestif::plugins::charts
