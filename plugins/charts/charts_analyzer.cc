// ChartsAnalyzer: a chart set for the site and for every tag.
#include "plugins/charts/charts_analyzer.h"

#include "core/document_groups.h"
#include "core/parallel_map.h"
#include "plugins/charts/chart_memo.h"
#include "plugins/charts/chart_run.h"
#include "plugins/charts/chart_set.h"

namespace digestif::plugins::charts {
namespace {

/// Room for a memo about as large as the last one (`last` bytes).
std::size_t room_for(std::size_t last) { return last + last / 8; }

}  // namespace

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
  ChartMemo last(SharedBytes::of(std::move(memo)));
  std::unique_ptr<ChartRun> run = draw(site, last);
  run->memo_size = room_for(last.encodings().view.size());
  memo = run->bytes();
  site.data["charts"] = charts_value(site, *run);
}

void ChartsAnalyzer::analyze_with_live_memo(Site& site, AnalyzerMemo& memo) const {
  std::unique_ptr<ChartRun> run;
  if (auto* last = dynamic_cast<ChartRun*>(memo.live.get())) {
    run = draw(site, *last);
    run->memo_size = last->memo_size;
  } else {
    // The saved memo is kept with the run: what it took from it is saved again as it was.
    ChartMemo from_saved(memo.take_saved());
    run = draw(site, from_saved);
    run->memo_size = room_for(from_saved.encodings().view.size());
  }
  site.data["charts"] = charts_value(site, *run);
  memo.keep_live(std::move(run));
}

std::unique_ptr<ChartRun> ChartsAnalyzer::draw(const Site& site, KnownCharts& last) const {
  const Value::Array& tags = groups_of(site, "tags");
  auto run = std::make_unique<ChartRun>();
  run->saved = last.encodings();  // what taken facts and sets point into
  std::size_t count = site.documents.size();
  run->facts = in_parallel<ReadFacts>(count, [&](std::size_t d) {
    if (std::optional<ReadFacts> known = last.take_facts(*site.documents[d]))
      return std::move(*known);
    ChartFacts facts = chart_facts(*site.documents[d]);
    std::uint64_t fingerprint = facts_fingerprint(facts);
    return ReadFacts{std::move(facts), fingerprint};
  });
  const std::vector<ReadFacts>& facts = run->facts;
  // Set 0 is the site's, set i the (i - 1)-th tag's: each is drawn on its own core.
  run->inputs.resize(tags.size() + 1);
  run->encoded_sets.resize(tags.size() + 1);
  std::vector<std::pair<std::uint64_t, std::vector<std::size_t>>> positions(tags.size() + 1);
  run->sets = in_parallel<Value>(
      tags.size() + 1,
      [&](std::size_t i) {
        std::string scope = i == 0 ? "the site" : "tag “" + tags[i - 1].get_string("name") + "”";
        Fingerprint fingerprint;
        fingerprint.add(scope);
        FactsList documents;
        auto add = [&](std::size_t d) {
          documents.push_back(&facts[d].facts);
          fingerprint.add(static_cast<std::int64_t>(facts[d].fingerprint));
        };
        if (i == 0)
          for (std::size_t d = 0; d < count; ++d) add(d);
        else
          for (std::size_t d : tag_positions(site, tags[i - 1], last, positions[i])) add(d);
        run->inputs[i] = fingerprint.value();
        if (std::optional<Value> drawn = last.find(run->inputs[i])) {
          run->encoded_sets[i] = last.encoded_set(run->inputs[i]);
          return std::move(*drawn);
        }
        Value set = chart_set(documents, scope);
        std::uint64_t hash = Fingerprint::of(set);
        return Value::sealed(std::move(set), hash);  // copies share it, and pages hash it once
      },
      1);
  if (site.order != 0)
    for (auto& [key, found] : positions)
      if (!found.empty()) run->positions.insert_or_assign(key, std::move(found));
  for (const Document* document : site.documents) run->documents.push_back(document->fingerprint);
  run->index();
  return run;
}

const std::vector<std::size_t>& ChartsAnalyzer::tag_positions(
    const Site& site, const Value& tag, const KnownCharts& last,
    std::pair<std::uint64_t, std::vector<std::size_t>>& kept) {
  kept.first = tag_positions_key(site, tag);
  if (const std::vector<std::size_t>* known = last.tag_positions(kept.first))
    kept.second = *known;
  else
    kept.second = positions_in(site, tag);
  return kept.second;
}

Value ChartsAnalyzer::charts_value(const Site& site, const ChartRun& run) {
  const Value::Array& tags = groups_of(site, "tags");
  Value charts = Value::object();
  charts["site"] = run.sets[0];
  Value by_tag = Value::object();
  for (std::size_t i = 0; i < tags.size(); ++i)
    by_tag[tags[i].get_string("slug")] = run.sets[i + 1];
  charts["tags"] = std::move(by_tag);
  return charts;
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
