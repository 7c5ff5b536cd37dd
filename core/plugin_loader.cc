// Plugin libraries: dlopen, the C entry point's checks, then registration through the C++ API.
#include "core/plugin_loader.h"

#include <dlfcn.h>

#include <cstring>
#include <memory>

#include "core/plugin_abi.h"

namespace digestif {
namespace {

struct LibraryCloser {
  void operator()(void* handle) const { dlclose(handle); }
};
using LibraryHandle = std::unique_ptr<void, LibraryCloser>;

class LibraryLoad {
 public:
  LibraryLoad(const std::filesystem::path& path, const PluginOrigin& origin)
      : path_(path), origin_(origin) {}

  [[noreturn]] void fail(const std::string& message) const {
    throw Error(origin_.config_file, origin_.line, "plugin \"" + origin_.name + "\": " + message);
  }

  LibraryHandle open() const {
    std::error_code error;
    if (!std::filesystem::is_regular_file(path_, error))
      fail("no plugin library at " + path_.string() +
           "; check \"path\" (relative to site.yaml) and build the plugin");
    LibraryHandle handle(dlopen(path_.c_str(), RTLD_NOW | RTLD_LOCAL));
    if (!handle) {
      const char* reason = dlerror();
      fail("cannot load " + path_.string() + ": " + (reason ? reason : "unknown reason") +
           "; rebuild it against this digestif");
    }
    return handle;
  }

  const DigestifPluginInfo& info_of(void* handle) const {
    dlerror();
    void* symbol = dlsym(handle, DIGESTIF_PLUGIN_ENTRY_POINT);
    if (symbol == nullptr)
      fail(path_.string() + " has no " DIGESTIF_PLUGIN_ENTRY_POINT
                            "() entry point; define it with DIGESTIF_PLUGIN (core/plugin_abi.h)");
    auto entry = reinterpret_cast<DigestifPluginInfoFunction>(symbol);
    const DigestifPluginInfo* info = entry();
    if (info == nullptr) fail(path_.string() + ": " DIGESTIF_PLUGIN_ENTRY_POINT "() returned null");
    return *info;
  }

  void check(const DigestifPluginInfo& info) const {
    if (info.abi_version != kPluginApiVersion)
      fail(path_.string() + " is built for plugin ABI version " + std::to_string(info.abi_version) +
           ", this digestif has version " + std::to_string(kPluginApiVersion) +
           "; rebuild the plugin against its headers");
    std::string compiler = text(info.compiler), std_library = text(info.std_library);
    if (!abi_compatible(compiler, std_library))
      fail(path_.string() + " is built with " + compiler + " and " + std_library +
           ", this digestif with " DIGESTIF_COMPILER " and " DIGESTIF_STD_LIBRARY
           "; rebuild the plugin with the same compiler and standard library");
    if (text(info.name) != origin_.name)
      fail(path_.string() + " holds the plugin \"" + text(info.name) +
           "\"; name the site.yaml entry \"" + text(info.name) + "\"");
    if (info.register_plugin == nullptr) fail(path_.string() + " has no register function");
  }

  /// Calls the library's register function on a registry of its own; returns its one plugin.
  Plugin registered(const DigestifPluginInfo& info) const {
    PluginRegistry own;
    try {
      info.register_plugin(&own);
    } catch (const Error& error) {
      fail(path_.string() + ": registering failed: " + error.diagnostic().message);
    } catch (const std::exception& error) {
      fail(path_.string() + ": registering failed: " + error.what());
    }
    if (own.plugins().size() != 1)
      fail(path_.string() + " registers " + std::to_string(own.plugins().size()) +
           " plugins; a plugin library must register exactly one (PluginRegistry::add)");
    Plugin plugin = own.plugins().front();
    if (plugin.name != origin_.name)
      fail(path_.string() + " registers a plugin named \"" + plugin.name + "\", not \"" +
           origin_.name + "\"; use one name in DIGESTIF_PLUGIN and in its Plugin");
    plugin.library = path_.string();
    return plugin;
  }

  void add_to(PluginRegistry& registry, Plugin plugin) const {
    const Plugin* taken = registry.find(plugin.name);
    if (taken != nullptr)
      fail("the name is already taken by " +
           (taken->library.empty() ? std::string("a built-in plugin") : taken->library) +
           "; rename the plugin");
    registry.add(std::move(plugin));
  }

 private:
  static std::string text(const char* c_string) { return c_string ? c_string : "(null)"; }

  const std::filesystem::path& path_;
  const PluginOrigin& origin_;
};

/// "gcc 12.2.0" -> "gcc 12": the compiler family and major version.
std::string_view compiler_major(std::string_view compiler) {
  std::size_t space = compiler.find(' ');
  std::size_t dot = compiler.find('.', space == std::string_view::npos ? 0 : space);
  return compiler.substr(0, dot);
}

}  // namespace

bool abi_compatible(std::string_view compiler, std::string_view std_library) {
  return std_library == DIGESTIF_STD_LIBRARY &&
         compiler_major(compiler) == compiler_major(DIGESTIF_COMPILER);
}

void load_plugin_library(const std::filesystem::path& path, PluginRegistry& registry,
                         const PluginOrigin& origin) {
  LibraryLoad load(path, origin);
  LibraryHandle handle = load.open();
  const DigestifPluginInfo& info = load.info_of(handle.get());
  load.check(info);
  Plugin plugin = load.registered(info);
  load.add_to(registry, std::move(plugin));
  handle.release();  // the plugin's parts run code of the library until the process ends
}

void load_external_plugins(const SiteConfig& config, PluginRegistry& registry) {
  for (const PluginConfig& entry : config.plugins) {
    const Value* path = entry.options.find("path");
    if (path == nullptr) continue;
    PluginOrigin origin{entry.name, config.file.string(), entry.line};
    if (!path->is_string() || path->as_string().empty())
      throw Error(origin.config_file, origin.line,
                  "plugin \"" + entry.name + "\": \"path\" must be the plugin library's file");
    std::filesystem::path file = path->as_string();
    load_plugin_library(file.is_absolute() ? file : config.root / file, registry, origin);
  }
}

}  // namespace digestif
