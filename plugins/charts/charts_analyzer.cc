// ChartsAnalyzer: a chart set for the site and for every tag.
#include "plugins/charts/charts_analyzer.h"

#include <unordered_map>

#include "core/document_groups.h"
#include "core/parallel_map.h"
#include "plugins/charts/chart_memo.h"
#include "plugins/charts/chart_set.h"

namespace digestif::plugins::charts {

PartInfo ChartsAnalyzer::info() const {
  return {"charts",
          Stage::analyze,
          {"document.threads"},
          {"site.charts"},
          {"document.stats", "document.emotion", "site.tags"}};
}

void ChartsAnalyzer::analyze(Site& site) const {
  std::string memo;
  analyze_with_memo(site, memo);
}

void ChartsAnalyzer::analyze_with_memo(Site& site, std::string& memo) const {
  const Value::Array& tags = groups_of(site, "tags");
  ChartMemo last(memo);
  std::unordered_map<const Document*, std::uint64_t> reads;  // what a set reads of each document
  std::vector<std::uint64_t> each = in_parallel<std::uint64_t>(site.documents.size(), [&](auto d) {
    const Document& document = *site.documents[d];
    if (std::optional<std::uint64_t> known = last.reads(document.fingerprint)) return *known;
    Fingerprint fingerprint;
    fingerprint_document(document, fingerprint);
    return fingerprint.value();
  });
  std::vector<std::pair<std::string, std::uint64_t>> by_fingerprint;
  for (std::size_t d = 0; d < site.documents.size(); ++d) {
    reads[site.documents[d]] = each[d];
    if (!site.documents[d]->fingerprint.empty())
      by_fingerprint.emplace_back(site.documents[d]->fingerprint, each[d]);
  }
  // Set 0 is the site's, set i the (i - 1)-th tag's: each is drawn on its own core.
  std::vector<std::uint64_t> inputs(tags.size() + 1);
  std::vector<Value> sets = in_parallel<Value>(
      tags.size() + 1,
      [&](std::size_t i) {
        Documents documents = i == 0 ? Documents(site.documents.begin(), site.documents.end())
                                     : documents_in(site, tags[i - 1]);
        std::string scope = i == 0 ? "the site" : "tag “" + tags[i - 1].get_string("name") + "”";
        Fingerprint fingerprint;
        fingerprint.add(scope);
        for (const Document* document : documents)
          fingerprint.add(static_cast<std::int64_t>(reads.at(document)));
        inputs[i] = fingerprint.value();
        std::optional<Value> drawn = last.find(inputs[i]);
        return drawn ? std::move(*drawn) : chart_set(documents, scope);
      },
      1);
  memo = chart_memo(inputs, sets, by_fingerprint);
  Value charts = Value::object();
  charts["site"] = std::move(sets[0]);
  charts["tags"] = Value::object();
  for (std::size_t i = 0; i < tags.size(); ++i)
    charts["tags"][tags[i].get_string("slug")] = std::move(sets[i + 1]);
  site.data["charts"] = std::move(charts);
}

bool ChartsAnalyzer::fingerprint_document(const Document& document,
                                          Fingerprint& fingerprint) const {
  fingerprint.add(document.permalink)
      .add(static_cast<std::int64_t>(document.date.time_since_epoch().count()))
      .add_members(document.data, {"stats", "emotion_mix"})
      .add_members(document.data.find("threads"), {"post_id", "url", "title", "flairs"});
  return true;
}

}  // namespace digestif::plugins::charts
