// The plugins compiled into digestif.
#pragma once

#include "core/plugin_registry.h"

namespace digestif::plugins {

/// Registers every built-in plugin, in the order they run within a stage.
void register_builtin_plugins(PluginRegistry& registry);

}  // namespace digestif::plugins
