// TrendsAnalyzer: grouping digests by month and year, then ranking threads and terms.
#include "plugins/site_analysis/trends_analyzer.h"

#include <chrono>
#include <map>

#include "core/date.h"
#include "core/parallel_map.h"
#include "plugins/site_analysis/document_reads.h"
#include "plugins/site_analysis/document_terms.h"
#include "plugins/site_analysis/rising_terms.h"
#include "plugins/site_analysis/term_tally_text.h"
#include "plugins/site_analysis/top_threads.h"

namespace digestif::plugins::site_analysis {
namespace {

using Documents = std::vector<const Document*>;

bool has_threads(const Document& document) {
  const Value* threads = document.data.find("threads");
  return threads != nullptr && threads->is_array() && threads->size() > 0;
}

long thread_count(const Documents& documents) {
  long count = 0;
  for (const Document* document : documents)
    count += static_cast<long>(document->data.find("threads")->size());
  return count;
}

Value terms_value(const std::vector<RisingTerm>& terms) {
  Value list = Value::array();
  for (const RisingTerm& term : terms)
    list.push_back(Value::Object{{"term", term.term},
                                 {"count", term.count},
                                 {"previous", term.previous},
                                 {"rise", term.rise}});
  return list;
}

std::string month_label(const std::string& key) {
  return month_name(static_cast<unsigned>(std::stoi(key.substr(5, 2)))) + " " + key.substr(0, 4);
}

/// The sum of the documents' thread tallies (kept by DocumentTerms).
TermTally period_tally(const Documents& documents) {
  TermTally tally;
  for (const Document* document : documents)
    for (const auto& [term, count] : read_tally(terms_text(*document, "threads")))
      tally[term] += count;
  return tally;
}

/// Each month's tally, the months summed on all cores.
std::map<std::string, TermTally> month_tallies(const std::map<std::string, Documents>& by_month) {
  std::vector<const Documents*> months;
  for (const auto& [key, documents] : by_month) months.push_back(&documents);
  std::vector<TermTally> tallies = in_parallel<TermTally>(
      months.size(), [&](std::size_t i) { return period_tally(*months[i]); });
  std::map<std::string, TermTally> by_key;
  std::size_t next = 0;
  for (const auto& [key, documents] : by_month) by_key[key] = std::move(tallies[next++]);
  return by_key;
}

/// Months oldest first, so each is compared with the one before; returned newest first.
Value months_value(const std::map<std::string, Documents>& by_month, const Site& site) {
  Value::Array months;
  const TermTally* previous = nullptr;
  std::string previous_key;
  long previous_threads = 0;
  std::map<std::string, TermTally> tallies = month_tallies(by_month);
  for (const auto& [key, documents] : by_month) {
    const TermTally& tally = tallies[key];
    Value month = Value::object();
    month["key"] = key;
    month["name"] = month_label(key);
    month["year"] = key.substr(0, 4);
    month["digest_count"] = static_cast<long>(documents.size());
    month["thread_count"] = thread_count(documents);
    month["top_threads"] = top_threads(documents, kMonthTopThreads, site);
    month["has_top_threads"] = month["top_threads"].size() > 0;
    month["rising_terms"] =
        previous ? terms_value(rising_terms(tally, *previous, kMonthRisingTerms,
                                            thread_count(documents), previous_threads))
                 : Value::array();
    month["has_rising_terms"] = month["rising_terms"].size() > 0;
    month["previous_month"] = previous ? month_label(previous_key) : "";
    month["has_previous_month"] = previous != nullptr;
    months.insert(months.begin(), std::move(month));
    previous = &tally;
    previous_key = key;
    previous_threads = thread_count(documents);
  }
  return Value(std::move(months));
}

Value years_value(const std::map<std::string, Documents>& by_year, const Site& site) {
  Value::Array years;
  for (const auto& [year, documents] : by_year) {
    Value value = Value::object();
    value["year"] = year;
    value["digest_count"] = static_cast<long>(documents.size());
    value["top_threads"] = top_threads(documents, kYearTopThreads, site);
    years.insert(years.begin(), std::move(value));
  }
  return Value(std::move(years));
}

}  // namespace

PartInfo TrendsAnalyzer::info() const {
  return {"trends",
          Stage::analyze,
          {"document.threads", "document.terms", "site.thread_index"},
          {"site.trends"}};
}

void TrendsAnalyzer::analyze(Site& site) const {
  std::map<std::string, Documents> by_month, by_year;
  for (const Document* document : site.documents) {
    if (!has_threads(*document)) continue;
    std::string key = format_iso_date(document->date).substr(0, 7);
    by_month[key].push_back(document);
    by_year[key.substr(0, 4)].push_back(document);
  }
  Value trends = Value::object();
  trends["months"] = months_value(by_month, site);
  trends["years"] = years_value(by_year, site);
  trends["month_count"] = static_cast<long>(by_month.size());
  trends["has_months"] = !by_month.empty();
  site.data["trends"] = std::move(trends);
}

bool TrendsAnalyzer::fingerprint_document(const Document& document,
                                          Fingerprint& fingerprint) const {
  add_listing(document, fingerprint);
  add_thread_listings(document, fingerprint);
  fingerprint.add_members(document.data, {"terms"});
  return true;
}

}  // namespace digestif::plugins::site_analysis
