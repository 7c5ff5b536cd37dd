// CurlLibrary: dlopen() of libcurl under the soname it was built against, then dlsym() of each
// function.
#include "plugins/http_fetch/curl_library.h"

#include <dlfcn.h>

#include <string>

#include "core/diagnostic.h"

namespace digestif::plugins::http_fetch {
namespace {

template <typename Function>
void bind(void* library, const char* name, Function& function) {
  function = reinterpret_cast<Function>(::dlsym(library, name));
  if (function == nullptr)
    throw Error("", 0,
                std::string(DIGESTIF_LIBCURL " has no ") + name +
                    "; install the libcurl4 of this Debian release to fetch over HTTP");
}

CurlLibrary open_curl() {
  void* library = ::dlopen(DIGESTIF_LIBCURL, RTLD_NOW | RTLD_LOCAL);
  if (library == nullptr)
    throw Error("", 0,
                std::string("cannot load " DIGESTIF_LIBCURL " (") + ::dlerror() +
                    "); install libcurl4 to fetch over HTTP");
  CurlLibrary curl;
#define DIGESTIF_BIND(name) bind(library, "curl_" #name, curl.name)
  DIGESTIF_BIND(global_init);
  DIGESTIF_BIND(easy_init);
  DIGESTIF_BIND(easy_setopt);
  DIGESTIF_BIND(easy_getinfo);
  DIGESTIF_BIND(easy_strerror);
  DIGESTIF_BIND(easy_cleanup);
  DIGESTIF_BIND(multi_init);
  DIGESTIF_BIND(multi_add_handle);
  DIGESTIF_BIND(multi_remove_handle);
  DIGESTIF_BIND(multi_perform);
  DIGESTIF_BIND(multi_poll);
  DIGESTIF_BIND(multi_info_read);
  DIGESTIF_BIND(multi_cleanup);
  DIGESTIF_BIND(slist_append);
  DIGESTIF_BIND(slist_free_all);
  DIGESTIF_BIND(url);
  DIGESTIF_BIND(url_set);
  DIGESTIF_BIND(url_get);
  DIGESTIF_BIND(url_cleanup);
  DIGESTIF_BIND(free);
  DIGESTIF_BIND(getdate);
#undef DIGESTIF_BIND
  curl.global_init(CURL_GLOBAL_DEFAULT);
  return curl;  // the library stays open until the process ends
}

}  // namespace

const CurlLibrary& curl() {
  static const CurlLibrary library = open_curl();  // once; tried again after a throw
  return library;
}

}  // namespace digestif::plugins::http_fetch
