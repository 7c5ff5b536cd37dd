// Top threads: the best-scored threads of a set of digests, each once.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "core/site.h"

namespace digestif::plugins::site_analysis {

/// The `limit` best threads of `documents` (each thread key once, at its best-scored
/// appearance): highest score first, threads without a score last, ties by title, then key.
/// Each {key, title, title_plain, url, has_url, score, has_score, digest_heading, digest_url
/// (the thread on its digest page), anchor and catalog_rank (its /threads/ entry, from
/// `catalog` = key -> catalog entry; "" and null when not catalogued), has_catalog_entry}.
Value top_threads(const std::vector<const Document*>& documents, std::size_t limit,
                  const std::map<std::string, const Value*>& catalog, const SiteConfig& config);

/// thread key -> entry of site.data["threads"] (the thread catalog), empty without one.
std::map<std::string, const Value*> catalog_by_key(const Site& site);

}  // namespace digestif::plugins::site_analysis
