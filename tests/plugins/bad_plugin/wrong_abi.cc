// A plugin library built for another plugin ABI version: digestif must refuse it unread.
#include "core/plugin_abi.h"

namespace {

void register_nothing(digestif::PluginRegistry*) {}

}  // namespace

extern "C" __attribute__((visibility("default"))) const DigestifPluginInfo* digestif_plugin_info() {
  static const DigestifPluginInfo info = {digestif::kPluginApiVersion + 1000, "wrong_abi",
                                          DIGESTIF_COMPILER, DIGESTIF_STD_LIBRARY,
                                          register_nothing};
  return &info;
}
