// DocumentTerms: counting a document's terms for the site analyzers.
#include "plugins/site_analysis/document_terms.h"

#include "plugins/site_analysis/rising_terms.h"
#include "plugins/site_analysis/text_terms.h"

namespace digestif::plugins::site_analysis {
namespace {

void count_terms(Tally& counts, std::string_view text, long weight) {
  for_each_term(text, [&](std::string_view term) { add_to_tally(counts, term, weight); });
}

}  // namespace

Tally weighted_terms(const Document& document) {
  Tally counts;
  count_terms(counts, document.title, 2);
  count_terms(counts, document.description, 1);
  const Value* threads = document.data.find("threads");
  if (threads == nullptr || !threads->is_array() || threads->size() == 0) {
    count_terms(counts, document.body, 1);
    return counts;
  }
  for (const Value& thread : threads->as_array()) {
    count_terms(counts, thread.get_string("title_plain", thread.get_string("title")), 2);
    count_terms(counts, thread.get_string("summary"), 1);
  }
  return counts;
}

PartInfo DocumentTerms::info() const {
  return {"terms", Stage::analyze, {"document.threads"}, {"document.terms"}};
}

void DocumentTerms::analyze(Document& document) const {
  document.data["terms"] = Value::Object{{"weighted", tally_text(weighted_terms(document))},
                                         {"threads", tally_text(thread_terms(document))}};
}

std::string_view terms_text(const Document& document, std::string_view which) {
  const Value* terms = document.data.find("terms");
  const Value* text = terms != nullptr ? terms->find(which) : nullptr;
  return text != nullptr && text->is_string() ? std::string_view(text->as_string())
                                              : std::string_view();
}

}  // namespace digestif::plugins::site_analysis
