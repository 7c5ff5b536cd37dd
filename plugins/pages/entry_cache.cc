// EntryCache: entries by their inputs, forgotten when the site's settings change or they pile up.
#include "plugins/pages/entry_cache.h"

#include "core/fingerprint.h"
#include "plugins/pages/page_model.h"

namespace digestif::plugins::pages {

Value EntryCache::entry(const Document& document, const Site& site, std::int64_t inputs,
                        const std::string& site_inputs) {
  {
    std::lock_guard lock(mutex_);
    if (site_inputs != site_inputs_) {
      entries_.clear();
      site_inputs_ = site_inputs;
    }
    if (auto found = entries_.find(inputs); found != entries_.end()) return found->second;
  }
  Value made = entry_value(document, site);  // unlocked: pages are rendered on every core
  std::uint64_t hash = Fingerprint::of(made);
  Value sealed = Value::sealed(std::move(made), hash);
  std::lock_guard lock(mutex_);
  // Entries of edited documents stay behind: past a few per document, start again.
  if (entries_.size() > 4 * site.documents.size() + 64) entries_.clear();
  if (site_inputs == site_inputs_) entries_.emplace(inputs, sealed);
  return sealed;
}

}  // namespace digestif::plugins::pages
