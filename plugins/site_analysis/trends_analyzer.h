// TrendsAnalyzer: per month and per year, the top threads; per month, the terms that rose.
#pragma once

#include <cstddef>

#include "core/plugin.h"

namespace digestif::plugins::site_analysis {

inline constexpr std::size_t kMonthTopThreads = 5;
inline constexpr std::size_t kMonthRisingTerms = 8;
inline constexpr std::size_t kYearTopThreads = 10;

/// Over the documents that have threads (digests), grouped by the UTC month of their date,
/// writes site.data["trends"] = {
///   months (newest first): [{key "2025-03", name "March 2025", year, digest_count,
///     thread_count, top_threads (kMonthTopThreads, see top_threads.h), has_top_threads,
///     rising_terms (kMonthRisingTerms, see rising_terms.h: [{term, count, previous, rise}]),
///     has_rising_terms, previous_month (name of the month compared with: the previous month
///     that has digests), has_previous_month}],
///   years (newest first): [{year, digest_count, top_threads (kYearTopThreads)}],
///   has_months, month_count}.
/// The first month has no previous month and so no rising terms.
class TrendsAnalyzer : public SiteAnalyzer {
 public:
  PartInfo info() const override;
  void analyze(Site& site) const override;
  bool fingerprint_document(const Document& document, Fingerprint& fingerprint) const override;
};

}  // namespace digestif::plugins::site_analysis
