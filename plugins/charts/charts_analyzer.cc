// ChartsAnalyzer: a chart set for the site and for every tag.
#include "plugins/charts/charts_analyzer.h"

#include "core/document_groups.h"
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
  Value charts = Value::object();
  Documents all(site.documents.begin(), site.documents.end());
  charts["site"] = chart_set(all, "the site");
  charts["tags"] = Value::object();
  for (const Value& tag : groups_of(site, "tags"))
    charts["tags"][tag.get_string("slug")] =
        chart_set(documents_in(site, tag), "tag “" + tag.get_string("name") + "”");
  site.data["charts"] = std::move(charts);
}

}  // namespace digestif::plugins::charts
