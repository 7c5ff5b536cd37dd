// TemplateContext: kainjow's context lookups, with dotted names split in place.
#include "plugins/pages/template_context.h"

#include <string_view>

namespace digestif::plugins::pages {

const TemplateContext::Data* TemplateContext::get(const std::string& name) const {
  if (name == ".") return items_.empty() ? nullptr : items_.back();
  bool dotted = name.find('.') != std::string::npos;
  for (auto item = items_.rbegin(); item != items_.rend(); ++item)
    if (const Data* found = dotted ? find_dotted(*item, name) : member(*item, name)) return found;
  return nullptr;
}

const TemplateContext::Data* TemplateContext::get_partial(const std::string& name) const {
  for (auto item = items_.rbegin(); item != items_.rend(); ++item)
    if (const Data* found = member(*item, name)) return found;
  return nullptr;
}

const TemplateContext::Data* TemplateContext::find_dotted(const Data* item,
                                                          const std::string& name) const {
  std::string part;  // names are short: no allocation
  std::string_view rest = name;
  while (item != nullptr) {
    std::size_t dot = rest.find('.');
    part.assign(rest.substr(0, dot));
    item = member(item, part);
    if (dot == std::string_view::npos) return item;
    rest.remove_prefix(dot + 1);
    if (rest.empty()) return item;  // "a." is "a", as kainjow splits it
  }
  return nullptr;
}

}  // namespace digestif::plugins::pages
