// DocumentTerms: counting a document's terms for the site analyzers.
#include "plugins/site_analysis/document_terms.h"

#include <algorithm>
#include <vector>

#include "plugins/site_analysis/rising_terms.h"
#include "plugins/site_analysis/text_terms.h"

namespace digestif::plugins::site_analysis {
namespace {

struct DocumentTally {
  Tally weighted, threads;
};

void count_terms(Tally& counts, std::string_view text, long weight) {
  for_each_term(text, [&](std::string_view term) { add_to_tally(counts, term, weight); });
}

/// Both tallies in one pass over the text: each thread's words are split once.
DocumentTally count_document(const Document& document) {
  DocumentTally tally;
  count_terms(tally.weighted, document.title, 2);
  count_terms(tally.weighted, document.description, 1);
  const Value* threads = document.data.find("threads");
  if (threads == nullptr || !threads->is_array() || threads->size() == 0) {
    count_terms(tally.weighted, document.body, 1);
    return tally;
  }
  std::vector<std::string> distinct;  // of one thread, for the "threads" tally
  for (const Value& thread : threads->as_array()) {
    distinct.clear();
    auto count = [&](std::string_view text, long weight) {
      for_each_term(text, [&](std::string_view term) {
        add_to_tally(tally.weighted, term, weight);
        if (!is_boilerplate(term)) distinct.emplace_back(term);
      });
    };
    count(thread.get_string("title_plain", thread.get_string("title")), 2);
    count(thread.get_string("summary"), 1);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (const std::string& term : distinct) add_to_tally(tally.threads, term, 1);
  }
  return tally;
}

}  // namespace

Tally weighted_terms(const Document& document) { return count_document(document).weighted; }

Tally thread_terms(const Document& document) { return count_document(document).threads; }

PartInfo DocumentTerms::info() const {
  return {"terms", Stage::analyze, {"document.threads"}, {"document.terms"}};
}

void DocumentTerms::analyze(Document& document) const {
  DocumentTally tally = count_document(document);
  document.data["terms"] = Value::Object{{"weighted", tally_text(tally.weighted)},
                                         {"threads", tally_text(tally.threads)}};
}

std::string_view terms_text(const Document& document, std::string_view which) {
  const Value* terms = document.data.find("terms");
  const Value* text = terms != nullptr ? terms->find(which) : nullptr;
  return text != nullptr && text->is_string() ? std::string_view(text->as_string())
                                              : std::string_view();
}

}  // namespace digestif::plugins::site_analysis
