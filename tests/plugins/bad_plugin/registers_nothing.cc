// A plugin library whose register function adds no plugin.
#include "core/plugin_abi.h"

namespace {

void register_nothing(digestif::PluginRegistry*) {}

}  // namespace

DIGESTIF_PLUGIN("registers_nothing", register_nothing)
