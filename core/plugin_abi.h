// The C entry point of an external plugin: versions the host checks before any C++ type crosses.
#pragma once

#include <version>  // defines _GLIBCXX_RELEASE or _LIBCPP_VERSION

#include "core/plugin.h"

namespace digestif {
class PluginRegistry;
}  // namespace digestif

#define DIGESTIF_STRINGIFY_(x) #x
#define DIGESTIF_STRINGIFY(x) DIGESTIF_STRINGIFY_(x)

/// The compiler this file is compiled with: "gcc 12.2.0", "clang 14.0.6".
#if defined(__clang__)
#define DIGESTIF_COMPILER "clang " __clang_version__
#elif defined(__GNUC__)
#define DIGESTIF_COMPILER "gcc " __VERSION__
#else
#define DIGESTIF_COMPILER "unknown"
#endif

/// The C++ standard library this file is compiled against: "libstdc++ 12", "libc++ 15000".
#if defined(_GLIBCXX_RELEASE)
#define DIGESTIF_STD_LIBRARY "libstdc++ " DIGESTIF_STRINGIFY(_GLIBCXX_RELEASE)
#elif defined(_LIBCPP_VERSION)
#define DIGESTIF_STD_LIBRARY "libc++ " DIGESTIF_STRINGIFY(_LIBCPP_VERSION)
#else
#define DIGESTIF_STD_LIBRARY "unknown"
#endif

extern "C" {

/// What `digestif_plugin_info()` returns. Plain C: the host reads it before trusting anything
/// else in the library.
struct DigestifPluginInfo {
  int abi_version;          ///< digestif::kPluginApiVersion the library was built with
  const char* name;         ///< the plugin's name, as site.yaml lists it
  const char* compiler;     ///< DIGESTIF_COMPILER
  const char* std_library;  ///< DIGESTIF_STD_LIBRARY
  void (*register_plugin)(digestif::PluginRegistry*);  ///< adds exactly one Plugin named `name`
};

/// The entry point's type, as looked up with dlsym.
typedef const DigestifPluginInfo* (*DigestifPluginInfoFunction)();
}

/// The name of the entry point every plugin library exports.
#define DIGESTIF_PLUGIN_ENTRY_POINT "digestif_plugin_info"

/// Defines the entry point of a plugin library, versions filled in. `plugin_name`: a string
/// literal; `register_function`: `void f(digestif::PluginRegistry* registry)`.
#define DIGESTIF_PLUGIN(plugin_name, register_function)                               \
  extern "C" __attribute__((visibility("default"))) const DigestifPluginInfo*         \
  digestif_plugin_info() {                                                            \
    static const DigestifPluginInfo info = {digestif::kPluginApiVersion, plugin_name, \
                                            DIGESTIF_COMPILER, DIGESTIF_STD_LIBRARY,  \
                                            register_function};                       \
    return &info;                                                                     \
  }
