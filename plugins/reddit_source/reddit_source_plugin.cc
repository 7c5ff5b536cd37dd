// reddit_source plugin registration: its options (fetch options, comments, hosts), its Source.
#include "plugins/reddit_source/reddit_source_plugin.h"

#include "plugins/reddit_source/reddit_source.h"

namespace digestif::plugins::reddit_source {
namespace {

RedditOptions read_options(const PluginContext& context) {
  RedditOptions options;
  auto fail = [&](const std::string& what) {
    throw Error(context.config().file.string(), context.config_line(),
                "plugin \"reddit_source\": option " + what);
  };
  if (const Value* comments = context.options().find("comments")) {
    if (!comments->is_int() || comments->as_int() < 0 || comments->as_int() > 500)
      fail("\"comments\" must be a whole number from 0 to 500");
    options.comments = static_cast<int>(comments->as_int());
  }
  if (const Value* hosts = context.options().find("hosts")) {
    if (!hosts->is_array() || hosts->size() == 0) fail("\"hosts\" must be a list of host names");
    options.hosts.clear();
    for (const Value& host : hosts->as_array()) {
      if (!host.is_string()) fail("\"hosts\" must be a list of host names");
      options.hosts.push_back(host.as_string());
    }
  }
  return options;
}

}  // namespace

Plugin plugin() {
  return {"reddit_source", "fetches Reddit posts by URL and reads them as yearly reviews",
          [](PluginSetup& setup) {
            const PluginContext& context = setup.context();
            context.check_options({DIGESTIF_FETCH_OPTION_NAMES, "comments", "hosts"});
            setup.add(std::make_unique<RedditSource>(
                context, http_fetch::read_fetch_options(context), read_options(context)));
          }};
}

}  // namespace digestif::plugins::reddit_source
