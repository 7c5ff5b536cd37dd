// CurlLibrary: libcurl under the soname it was built against, and each function digestif calls.
#include "plugins/http_fetch/curl_library.h"

#include "plugins/http_fetch/shared_library.h"

namespace digestif::plugins::http_fetch {
namespace {

CurlLibrary open_curl() {
  SharedLibrary library(DIGESTIF_LIBCURL, "libcurl4", "fetch over HTTP");
  CurlLibrary curl;
#define DIGESTIF_BIND(name) library.bind("curl_" #name, curl.name)
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
