// Top threads: ranking the threads of some digests by their best score.
#include "plugins/site_analysis/top_threads.h"

#include <algorithm>
#include <map>
#include <optional>

#include "plugins/site_analysis/thread_catalog.h"

namespace digestif::plugins::site_analysis {
namespace {

struct Candidate {
  std::string key, title;
  std::optional<long> score;
  const Document* document;
  const Value* thread;
  std::size_t position;  // of `thread` in the document's threads
};

std::optional<long> score_of(const Value& thread) {
  const Value* score = thread.find("score");
  if (score == nullptr || !score->is_int()) return std::nullopt;
  return static_cast<long>(score->as_int());
}

bool ranks_before(const Candidate& a, const Candidate& b) {
  if (a.score != b.score) return a.score.has_value() && (!b.score || *a.score > *b.score);
  return a.title != b.title ? a.title < b.title : a.key < b.key;
}

std::vector<Candidate> best_appearances(const std::vector<const Document*>& documents) {
  std::map<std::string, Candidate> best;
  for (const Document* document : documents) {
    const Value* threads = document->data.find("threads");
    if (threads == nullptr || !threads->is_array()) continue;
    for (std::size_t position = 0; position < threads->size(); ++position) {
      const Value& thread = threads->as_array()[position];
      std::string key = thread_key(thread);
      if (key.empty()) continue;
      Candidate candidate{key,     thread.get_string("title"), score_of(thread), document, &thread,
                          position};
      auto it = best.find(key);
      if (it == best.end() || ranks_before(candidate, it->second)) best[key] = candidate;
    }
  }
  std::vector<Candidate> list;
  for (auto& [key, candidate] : best) list.push_back(candidate);
  std::sort(list.begin(), list.end(), ranks_before);
  return list;
}

Value thread_value(const Candidate& candidate, const Site& site) {
  Value value = Value::object();
  for (const char* key : {"title", "title_plain", "url", "has_url"})
    value[key] = candidate.thread->find(key) ? *candidate.thread->find(key) : Value("");
  value["key"] = candidate.key;
  value["score"] = candidate.score ? Value(*candidate.score) : Value();
  value["has_score"] = candidate.score.has_value();
  const Document& document = *candidate.document;
  value["digest_heading"] = document.data.get_string("heading", document.title);
  const Value* rank = candidate.thread->find("rank");
  value["digest_url"] =
      site.config.url_of(document.permalink) + (rank ? "#thread-" + rank->to_text() : "");
  const Value* entry = catalog_entry(site, document, candidate.position);
  value["has_catalog_entry"] = entry != nullptr;
  value["anchor"] = entry ? entry->get_string("anchor") : "";
  value["catalog_rank"] = entry ? *entry->find("rank") : Value();
  return value;
}

}  // namespace

Value top_threads(const std::vector<const Document*>& documents, std::size_t limit,
                  const Site& site) {
  std::vector<Candidate> ranked = best_appearances(documents);
  Value list = Value::array();
  for (std::size_t i = 0; i < ranked.size() && i < limit; ++i)
    list.push_back(thread_value(ranked[i], site));
  return list;
}

}  // namespace digestif::plugins::site_analysis
