// SharedTemplateData: the template data of list entries, converted once for every page that
// shows them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <kainjow/mustache.hpp>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "core/value.h"

namespace digestif::plugins::pages {

/// A document is listed on the home page, its tags' and its section's pages, and `digestif
/// serve` renders them again at each edit: converting its entry to template data for each page
/// took as long as rendering the page. A sealed item of a list (Value::sealed: an entry of
/// EntryCache) is converted here once, found again by its hash, and stands in the page's data as
/// a placeholder that TemplateContext swaps for it. Any thread may ask.
class SharedTemplateData {
 public:
  using Data = kainjow::mustache::data;

  /// The data a page holds, and the shared data its placeholders stand for (held while the page
  /// is rendered, even once the cache forgets them).
  struct Page {
    Data data;
    std::vector<std::shared_ptr<const Data>> shared = {};
  };

  /// The template data of `context`, its sealed list items shared.
  Page page_data(const Value& context);
  /// The shared data a placeholder of `page` stands for, or `data` itself.
  static const Data* resolve(const Data* data, const Page& page);

 private:
  /// A placeholder's mark: which of Page::shared it stands for.
  struct Placeholder {
    std::size_t index;
    std::string operator()() const { return {}; }
  };
  std::shared_ptr<const Data> shared_of(const Value& item);

  std::mutex mutex_;  // guards what follows
  std::unordered_map<std::uint64_t, std::shared_ptr<const Data>> by_hash_;
};

}  // namespace digestif::plugins::pages
