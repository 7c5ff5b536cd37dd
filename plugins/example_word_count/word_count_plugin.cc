// The example external plugin's entry point: options, parts, and DIGESTIF_PLUGIN.
#include "core/plugin_abi.h"
#include "core/plugin_registry.h"
#include "plugins/example_word_count/word_count.h"

namespace word_count {
namespace {

/// The `words_per_minute` option: a whole number from 1, 200 when not given.
long words_per_minute(const digestif::PluginContext& context) {
  const digestif::Value* value = context.options().find("words_per_minute");
  if (value == nullptr) return 200;
  if (!value->is_int() || value->as_int() < 1)
    throw digestif::Error(context.config().file.string(), context.config_line(),
                          "plugin \"word_count\": option \"words_per_minute\" must be a whole "
                          "number from 1");
  return static_cast<long>(value->as_int());
}

void setup(digestif::PluginSetup& setup) {
  const digestif::PluginContext& context = setup.context();
  context.check_options({"words_per_minute", "output"});
  setup.add(std::make_unique<WordCountAnalyzer>(words_per_minute(context)));
  setup.add(
      std::make_unique<WordCountsRenderer>(context.option_string("output", "word-counts.json")));
}

/// Called once by digestif when it loads the library: adds the plugin, as built-ins do.
void register_plugin(digestif::PluginRegistry* registry) {
  registry->add({"word_count", "counts each document's words and writes word-counts.json", setup});
}

}  // namespace
}  // namespace word_count

DIGESTIF_PLUGIN("word_count", word_count::register_plugin)
