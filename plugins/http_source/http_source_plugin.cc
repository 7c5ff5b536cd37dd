// http_source plugin registration: its fetch options and its Source.
#include "plugins/http_source/http_source_plugin.h"

#include "plugins/http_source/http_source.h"

namespace digestif::plugins::http_source {

Plugin plugin() {
  return {
      "http_source", "fetches documents and indexes of documents from http(s) URLs",
      [](PluginSetup& setup) {
        const PluginContext& context = setup.context();
        context.check_options({DIGESTIF_FETCH_OPTION_NAMES});
        setup.add(std::make_unique<HttpSource>(context, http_fetch::read_fetch_options(context)));
      }};
}

}  // namespace digestif::plugins::http_source
