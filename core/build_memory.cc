// BuildMemory: maps of moved-out documents and analyzer runs under one setup, discovered items
// with the changes since, and the last build log.
#include "core/build_memory.h"

#include <algorithm>

namespace digestif {
namespace {

/// The entry under `key`, moved out of `map` when `setup` is the one it was kept under.
template <typename Map>
std::optional<typename Map::mapped_type> take_from(Map& map, const std::string& key,
                                                   bool same_setup) {
  auto it = map.find(key);
  if (!same_setup || it == map.end()) return std::nullopt;
  typename Map::mapped_type entry = std::move(it->second);
  map.erase(it);
  return entry;
}

}  // namespace

std::optional<CachedDocument> BuildMemory::take(const std::string& setup, const std::string& origin,
                                                const std::string& version) {
  std::lock_guard lock(mutex_);
  if (setup != setup_ || version.empty()) return std::nullopt;
  if (!sorted_) sort_documents();
  if (next_ >= documents_.size() || documents_[next_].first != origin) {
    auto it =
        std::lower_bound(documents_.begin(), documents_.end(), origin,
                         [](const auto& entry, const std::string& o) { return entry.first < o; });
    next_ = static_cast<std::size_t>(it - documents_.begin());
  }
  if (next_ >= documents_.size() || documents_[next_].first != origin) return std::nullopt;
  CachedDocument& entry = documents_[next_].second;
  if (entry.version != version) return std::nullopt;
  ++next_;
  std::optional<CachedDocument> taken = std::move(entry);
  entry.version.clear();
  return taken;
}

std::optional<KeptAnalysis> BuildMemory::take_analysis(const std::string& setup,
                                                       const std::string& analyzer) {
  std::lock_guard lock(mutex_);
  return take_from(analyses_, analyzer, setup == setup_);
}

void BuildMemory::sort_documents() {
  std::stable_sort(documents_.begin(), documents_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // Of entries kept twice under one origin, the last one counts.
  auto last_of_each = std::unique(documents_.rbegin(), documents_.rend(),
                                  [](const auto& a, const auto& b) { return a.first == b.first; });
  documents_.erase(documents_.begin(), last_of_each.base());
  sorted_ = true;
}

bool BuildMemory::holds(const std::string& setup) const {
  std::lock_guard lock(mutex_);
  return filled_ && setup == setup_;
}

void BuildMemory::reset(const std::string& setup, std::filesystem::path site_folder) {
  std::lock_guard lock(mutex_);
  setup_ = setup;
  site_folder_ = std::move(site_folder);
  filled_ = true;
  documents_.clear();
  sorted_ = true;
  next_ = 0;
  analyses_.clear();
}

void BuildMemory::keep(std::string origin, CachedDocument entry) {
  std::lock_guard lock(mutex_);
  if (!documents_.empty() && !(documents_.back().first < origin)) sorted_ = false;
  documents_.emplace_back(std::move(origin), std::move(entry));
}

void BuildMemory::keep_analysis(std::string analyzer, KeptAnalysis analysis) {
  std::lock_guard lock(mutex_);
  analyses_.insert_or_assign(std::move(analyzer), std::move(analysis));
}

void BuildMemory::note_changes(const std::vector<std::filesystem::path>& changed) {
  std::lock_guard lock(mutex_);
  if (changes_) changes_->insert(changed.begin(), changed.end());
}

std::optional<std::vector<std::filesystem::path>> BuildMemory::changes() const {
  std::lock_guard lock(mutex_);
  if (!changes_) return std::nullopt;
  return std::vector<std::filesystem::path>(changes_->begin(), changes_->end());
}

void BuildMemory::keep_discovered(std::map<std::string, std::vector<SourceItem>> items) {
  std::lock_guard lock(mutex_);
  discovered_ = std::move(items);
  changes_.emplace();
}

std::optional<std::vector<SourceItem>> BuildMemory::take_discovered(const std::string& key) {
  std::lock_guard lock(mutex_);
  return take_from(discovered_, key, true);
}

void BuildMemory::keep_log(BuildLog log, std::filesystem::path file, bool changed) {
  std::lock_guard lock(mutex_);
  log_ = std::move(log);
  log_file_ = std::move(file);
  if (changed) log_saved_ = false;
}

std::unique_ptr<DocumentCache> BuildMemory::take_cache(const std::filesystem::path& folder,
                                                       const std::string& setup) {
  std::lock_guard lock(mutex_);
  if (cache_ && (cache_->folder() != folder || cache_->setup() != setup)) finish_cache();
  cache_documents_.clear();
  return std::move(cache_);
}

void BuildMemory::keep_cache(std::unique_ptr<DocumentCache> cache,
                             std::vector<std::pair<std::string, std::string>> documents) {
  std::lock_guard lock(mutex_);
  if (cache_) finish_cache();
  cache_ = std::move(cache);
  cache_documents_ = std::move(documents);
}

void BuildMemory::finish_cache() {
  if (cache_) cache_->finish(cache_documents_);
  cache_.reset();
  cache_documents_.clear();
}

void BuildMemory::save() {
  std::lock_guard lock(mutex_);
  finish_cache();
  SiteProductCache site_cache(site_folder_, setup_);
  for (auto& [analyzer, run] : analyses_) {
    if (run.saved) continue;
    ProductRefs products;
    for (const auto& [key, value] : run.made.products) products.emplace_back(key, &value);
    std::string made;
    site_cache.write(analyzer, run.inputs, run.memo.saved(made), products, run.made.diagnostics);
    run.saved = true;
  }
  if (log_saved_ || !log_) return;
  save_build_log(log_file_, *log_);
  log_saved_ = true;
}

std::optional<BuildLog> BuildMemory::take_log() {
  std::lock_guard lock(mutex_);
  std::optional<BuildLog> log = std::move(log_);
  log_.reset();
  return log;
}

void BuildMemory::discard(std::shared_ptr<void> garbage) {
  if (discarding_.valid()) discarding_.get();  // one at a time
  discarding_ =
      std::async(std::launch::async, [garbage = std::move(garbage)]() mutable { garbage.reset(); });
}

}  // namespace digestif
