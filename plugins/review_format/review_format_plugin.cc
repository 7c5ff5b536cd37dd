// review_format plugin registration; option `tags`: extra tags for every review.
#include "plugins/review_format/review_format_plugin.h"

#include "plugins/review_format/review_format.h"

namespace digestif::plugins::review_format {
namespace {

std::vector<std::string> configured_tags(const PluginContext& context) {
  std::vector<std::string> tags;
  if (const Value* list = context.options().find("tags"); list != nullptr && list->is_array())
    for (const Value& tag : list->as_array()) tags.push_back(tag.to_text());
  return tags;
}

}  // namespace

Plugin plugin() {
  return {"review_format", "reads yearly reviews saved as Reddit post dumps",
          [](PluginSetup& setup) {
            setup.context().check_options({"tags"});
            setup.add(
                std::make_unique<ReviewFormat>(setup.context(), configured_tags(setup.context())));
          }};
}

}  // namespace digestif::plugins::review_format
