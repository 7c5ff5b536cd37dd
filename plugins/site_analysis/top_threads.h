// Top threads: the best-scored threads of a set of digests, each once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/site.h"

namespace digestif::plugins::site_analysis {

/// The `limit` best threads of `documents` (each thread key once, at its best-scored
/// appearance): highest score first, threads without a score last, ties by title, then key.
/// Each {key, title, title_plain, url, has_url, score, has_score, digest_heading, digest_url
/// (the thread on its digest page), anchor and catalog_rank (its /threads/ entry, from
/// site.data["thread_index"]; "" and null when not catalogued), has_catalog_entry}.
Value top_threads(const std::vector<const Document*>& documents, std::size_t limit,
                  const Site& site);

}  // namespace digestif::plugins::site_analysis
