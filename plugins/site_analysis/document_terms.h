// DocumentTerms: each document's terms counted once, when it is analyzed (and so kept in the
// document cache), for the site analyzers that compare documents (related) and months (trends).
#pragma once

#include <string_view>

#include "core/plugin.h"
#include "plugins/site_analysis/term_tally_text.h"

namespace digestif::plugins::site_analysis {

/// Writes data["terms"] = {
///   weighted: the terms related documents are compared by (text_terms.h): title and thread
///     titles count 2 per word, description and thread summaries 1; a document without threads
///     (a review) counts its body, 1 per word;
///   threads: how many threads use each term, in the title or the summary, once per thread,
///     without boilerplate (is_boilerplate(), rising_terms.h)},
/// each as tally_text() (term_tally_text.h).
class DocumentTerms : public DocumentAnalyzer {
 public:
  PartInfo info() const override;
  void analyze(Document& document) const override;
};

/// The "weighted" tally of DocumentTerms (title, description, threads or body).
Tally weighted_terms(const Document& document);
/// The "threads" tally of DocumentTerms.
Tally thread_terms(const Document& document);

/// The text of data["terms"][which] ("weighted" or "threads"); empty when the document has none.
std::string_view terms_text(const Document& document, std::string_view which);

}  // namespace digestif::plugins::site_analysis
