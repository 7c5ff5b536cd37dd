// PluginContext: typed access to a plugin's options, with file:line errors.
#include "core/plugin_context.h"

#include <algorithm>

namespace digestif {

bool PluginContext::option_bool(std::string_view key, bool fallback) const {
  const Value* value = options_.find(key);
  if (value == nullptr) return fallback;
  if (!value->is_bool())
    throw Error(
        config_.file.string(), config_line_,
        "plugin \"" + plugin_ + "\": option \"" + std::string(key) + "\" must be true or false");
  return value->as_bool();
}

std::string PluginContext::option_string(std::string_view key, std::string_view fallback) const {
  const Value* value = options_.find(key);
  if (value == nullptr) return std::string(fallback);
  if (!value->is_string())
    throw Error(config_.file.string(), config_line_,
                "plugin \"" + plugin_ + "\": option \"" + std::string(key) + "\" must be text");
  return value->as_string();
}

void PluginContext::check_options(std::initializer_list<std::string_view> known) const {
  if (!options_.is_object()) return;
  for (const auto& [key, value] : options_.as_object()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    sink_.warn(config_.file.string(), config_line_,
               "plugin \"" + plugin_ + "\" has no option \"" + key.str() + "\"; it is ignored");
  }
}

}  // namespace digestif
