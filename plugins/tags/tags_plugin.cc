// tags plugin registration; aliases come from site.yaml's tag_aliases.
#include "plugins/tags/tags_plugin.h"

#include "plugins/tags/tags_analyzer.h"

namespace digestif::plugins::tags {

Plugin plugin() {
  return {"tags", "normalizes tags to slugs and groups documents by tag", [](PluginSetup& setup) {
            setup.context().check_options({});
            setup.add(std::make_unique<TagsAnalyzer>(setup.context()));
          }};
}

}  // namespace digestif::plugins::tags
