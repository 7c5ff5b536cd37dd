// to_template_data: Value to kainjow::mustache::data.
#include "plugins/pages/template_data.h"

namespace digestif::plugins::pages {

kainjow::mustache::data to_template_data(const Value& value) {
  using kainjow::mustache::data;
  if (value.is_object()) {
    data object{data::type::object};
    for (const auto& [key, member] : value.as_object()) object.set(key, to_template_data(member));
    return object;
  }
  if (value.is_array()) {
    data list{data::type::list};
    for (const Value& item : value.as_array()) list.push_back(to_template_data(item));
    return list;
  }
  if (value.is_bool()) return data(value.as_bool());
  if (value.is_null()) return data(false);
  return data(value.to_text());
}

}  // namespace digestif::plugins::pages
