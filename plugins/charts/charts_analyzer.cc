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
  std::size_t count = site.documents.size();
  std::vector<ChartFacts> facts = in_parallel<ChartFacts>(count, [&](std::size_t d) {
    std::optional<ChartFacts> known = last.facts(*site.documents[d]);
    return known ? std::move(*known) : chart_facts(*site.documents[d]);
  });
  std::vector<std::uint64_t> reads =
      in_parallel<std::uint64_t>(count, [&](std::size_t d) { return facts_fingerprint(facts[d]); });
  std::unordered_map<const Document*, std::size_t> position;
  for (std::size_t d = 0; d < count; ++d) position.emplace(site.documents[d], d);
  // Set 0 is the site's, set i the (i - 1)-th tag's: each is drawn on its own core.
  std::vector<std::uint64_t> inputs(tags.size() + 1);
  std::vector<Value> sets = in_parallel<Value>(
      tags.size() + 1,
      [&](std::size_t i) {
        std::string scope = i == 0 ? "the site" : "tag “" + tags[i - 1].get_string("name") + "”";
        Fingerprint fingerprint;
        fingerprint.add(scope);
        FactsList documents;
        auto add = [&](std::size_t d) {
          documents.push_back(&facts[d]);
          fingerprint.add(static_cast<std::int64_t>(reads[d]));
        };
        if (i == 0)
          for (std::size_t d = 0; d < count; ++d) add(d);
        else
          for (const Document* document : documents_in(site, tags[i - 1]))
            add(position.at(document));
        inputs[i] = fingerprint.value();
        std::optional<Value> drawn = last.find(inputs[i]);
        return drawn ? std::move(*drawn) : chart_set(documents, scope);
      },
      1);
  memo = chart_memo(inputs, sets, facts, memo.size() + memo.size() / 8);
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
