// SharedTemplateData: sealed list items converted once, placeholders in each page's data.
#include "plugins/pages/shared_template_data.h"

#include "plugins/pages/template_data.h"

namespace digestif::plugins::pages {
namespace {

/// Past this many shared items (a site's entries, and those of edited documents), the cache
/// starts again: about 5 KB each.
constexpr std::size_t kMaxShared = 8192;

}  // namespace

SharedTemplateData::Page SharedTemplateData::page_data(const Value& context) {
  Page page;
  page.data = to_template_data(context, [&](const Value& item) -> std::optional<Data> {
    if (item.later_hash() == 0 || !item.is_object()) return std::nullopt;
    page.shared.push_back(shared_of(item));
    return Data(kainjow::mustache::partial(Placeholder{page.shared.size() - 1}));
  });
  return page;
}

std::shared_ptr<const SharedTemplateData::Data> SharedTemplateData::shared_of(const Value& item) {
  std::uint64_t hash = item.later_hash();
  {
    std::lock_guard lock(mutex_);
    if (auto found = by_hash_.find(hash); found != by_hash_.end()) return found->second;
  }
  auto made = std::make_shared<const Data>(to_template_data(item));  // unlocked: every core
  std::lock_guard lock(mutex_);
  if (by_hash_.size() >= kMaxShared) by_hash_.clear();
  return by_hash_.emplace(hash, std::move(made)).first->second;
}

const SharedTemplateData::Data* SharedTemplateData::resolve(const Data* data, const Page& page) {
  if (data == nullptr || !data->is_partial()) return data;
  const Placeholder* placeholder = data->partial_value().target<Placeholder>();
  return placeholder != nullptr ? page.shared[placeholder->index].get() : data;
}

}  // namespace digestif::plugins::pages
