// TemplateContext: the stack of data a Mustache template is rendered against, looking up
// dotted names without kainjow's string streams.
#pragma once

#include <kainjow/mustache.hpp>
#include <string>
#include <vector>

#include "plugins/pages/shared_template_data.h"

namespace digestif::plugins::pages {

/// What kainjow's own context does (a name is looked up from the innermost section out; a
/// dotted name `a.b` must resolve whole in one of them), except that kainjow splits each
/// dotted name through a std::stringstream, a locale and its facets: a page of ten entries,
/// each showing {{site.base_path}}, spent a fifth of its rendering there. A placeholder of the
/// page's data (SharedTemplateData) is found as the shared data it stands for.
class TemplateContext : public kainjow::mustache::basic_context<std::string> {
 public:
  using Data = kainjow::mustache::basic_data<std::string>;

  /// `page`: what the placeholders of `data` stand for (it outlives the context).
  TemplateContext(const Data* data, const SharedTemplateData::Page& page) : page_(page) {
    push(data);
  }
  void push(const Data* data) override {
    items_.push_back(SharedTemplateData::resolve(data, page_));
  }
  void pop() override { items_.pop_back(); }
  const Data* get(const std::string& name) const override;
  const Data* get_partial(const std::string& name) const override;

 private:
  /// `name` ("a.b.c") in one item, or nullptr.
  const Data* find_dotted(const Data* item, const std::string& name) const;
  /// The member `name` of `item`, or nullptr.
  const Data* member(const Data* item, const std::string& name) const {
    return SharedTemplateData::resolve(item->get(name), page_);
  }

  const SharedTemplateData::Page& page_;
  std::vector<const Data*> items_;  // innermost last
};

/// What kainjow's render() writes, appended to a string.
struct AppendToString {
  std::string& out;
};
inline AppendToString& operator<<(AppendToString& sink, const std::string& text) {
  sink.out += text;
  return sink;
}

}  // namespace digestif::plugins::pages
