// ChartsAnalyzer: a chart set for the site and for every tag.
#include "plugins/charts/charts_analyzer.h"

#include "core/document_groups.h"
#include "core/parallel_map.h"
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
  const Value::Array& tags = groups_of(site, "tags");
  // Set 0 is the site's, set i the (i - 1)-th tag's: each is drawn on its own core.
  std::vector<Value> sets = in_parallel<Value>(
      tags.size() + 1,
      [&](std::size_t i) {
        if (i == 0) return chart_set({site.documents.begin(), site.documents.end()}, "the site");
        const Value& tag = tags[i - 1];
        return chart_set(documents_in(site, tag), "tag “" + tag.get_string("name") + "”");
      },
      1);
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
      .add_members(&document.data, {"stats", "emotion_mix"})
      .add_members(document.data.find("threads"), {"post_id", "url", "title", "flairs"});
  return true;
}

}  // namespace digestif::plugins::charts
