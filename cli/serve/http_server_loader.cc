// Loading the HTTP server module: dlopen beside the executable, then the entry point's checks.
#include <dlfcn.h>

#include <filesystem>
#include <string>

#include "cli/serve/http_server_module.h"
#include "core/diagnostic.h"

namespace digestif::cli {
namespace {

std::string text(const char* value) { return value != nullptr ? value : "?"; }

const DigestifHttpServerModule& open_module() {
  std::error_code error;
  std::filesystem::path path =
      std::filesystem::read_symlink("/proc/self/exe", error).parent_path() / http_server_module;
  auto fail = [&](const std::string& what) -> Error {
    return Error("", 0,
                 "cannot load the preview server's " + path.string() + ": " + what + "; keep the " +
                     http_server_module + " built with this digestif beside its executable");
  };
  void* library = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr) throw fail(text(::dlerror()));
  auto entry = reinterpret_cast<DigestifHttpServerModuleFunction>(
      ::dlsym(library, DIGESTIF_HTTP_SERVER_ENTRY_POINT));
  const DigestifHttpServerModule* module = entry != nullptr ? entry() : nullptr;
  if (module == nullptr || module->make == nullptr) throw fail("no entry point");
  std::string built =
      text(module->version) + ", " + text(module->compiler) + ", " + text(module->std_library);
  if (built != DIGESTIF_VERSION ", " DIGESTIF_COMPILER ", " DIGESTIF_STD_LIBRARY)
    throw fail("it is built as " + built +
               ", this digestif as " DIGESTIF_VERSION ", " DIGESTIF_COMPILER
               ", " DIGESTIF_STD_LIBRARY);
  return *module;  // the library stays open until the process ends
}

}  // namespace

std::unique_ptr<HttpServer> make_http_server(ServedSite& site, LiveReload& live_reload) {
  static const DigestifHttpServerModule& module = open_module();  // tried again after a throw
  return std::unique_ptr<HttpServer>(module.make(site, live_reload));
}

}  // namespace digestif::cli
