// to_template_data: Value to kainjow::mustache::data, moving every node into place.
#include "plugins/pages/template_data.h"

namespace digestif::plugins::pages {

kainjow::mustache::data to_template_data(const Value& value, const ItemData& item) {
  using kainjow::mustache::data;
  if (value.is_object()) {
    data object{data::type::object};
    for (const auto& [key, member] : value.as_object())
      object[key] = to_template_data(member, item);
    return object;
  }
  if (value.is_array()) {
    // kainjow's push_back copies its argument (a deep copy of the subtree); a list built by
    // moving the items in costs one allocation per node instead.
    kainjow::mustache::list items;
    items.reserve(value.as_array().size());
    for (const Value& each : value.as_array()) {
      std::optional<data> given = item ? item(each) : std::nullopt;
      items.push_back(given ? std::move(*given) : to_template_data(each, item));
    }
    data list{kainjow::mustache::list{}};
    const_cast<kainjow::mustache::list&>(list.list_value()).swap(items);
    return list;
  }
  if (value.is_bool()) return data(value.as_bool());
  if (value.is_null()) return data(false);
  return data(value.to_text());
}

}  // namespace digestif::plugins::pages
