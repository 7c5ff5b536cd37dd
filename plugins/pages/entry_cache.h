// EntryCache: list entries (entry_value()) kept by what they show, made once for every page and
// build that lists the same document the same way.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/site.h"
#include "core/value.h"

namespace digestif::plugins::pages {

/// A document is listed on its home page, its tags' and its section's pages: each rendered page
/// made its entry again, and `digestif serve` again at every rebuild. Here an entry is made
/// once for what it shows (entry_inputs(), under the site's site_inputs()) and shared, sealed.
/// Any thread may ask.
class EntryCache {
 public:
  /// entry_value() of `document`, whose entry_inputs() are `inputs` in a site whose
  /// site_inputs() are `site_inputs`.
  Value entry(const Document& document, const Site& site, std::int64_t inputs,
              const std::string& site_inputs);

 private:
  std::mutex mutex_;  // guards what follows
  std::string site_inputs_;
  std::unordered_map<std::int64_t, Value> entries_;  // by entry_inputs()
};

}  // namespace digestif::plugins::pages
