// CurlLibrary: libcurl's functions, from the library opened on first use, so a build that
// fetches nothing does not load it and the thirty libraries it needs (15 ms at every start).
#pragma once

#include <curl/curl.h>

namespace digestif::plugins::http_fetch {

/// The libcurl functions digestif calls, each named without its "curl_" prefix.
struct CurlLibrary {
  decltype(&::curl_global_init) global_init;
  decltype(&::curl_easy_init) easy_init;
  decltype(&::curl_easy_setopt) easy_setopt;
  decltype(&::curl_easy_getinfo) easy_getinfo;
  decltype(&::curl_easy_strerror) easy_strerror;
  decltype(&::curl_easy_cleanup) easy_cleanup;
  decltype(&::curl_multi_init) multi_init;
  decltype(&::curl_multi_add_handle) multi_add_handle;
  decltype(&::curl_multi_remove_handle) multi_remove_handle;
  decltype(&::curl_multi_perform) multi_perform;
  decltype(&::curl_multi_poll) multi_poll;
  decltype(&::curl_multi_info_read) multi_info_read;
  decltype(&::curl_multi_cleanup) multi_cleanup;
  decltype(&::curl_slist_append) slist_append;
  decltype(&::curl_slist_free_all) slist_free_all;
  decltype(&::curl_url) url;
  decltype(&::curl_url_set) url_set;
  decltype(&::curl_url_get) url_get;
  decltype(&::curl_url_cleanup) url_cleanup;
  decltype(&::curl_free) free;
  decltype(&::curl_getdate) getdate;
};

/// libcurl, opened and initialized on the first call (from any thread); throws Error when it
/// cannot be opened.
const CurlLibrary& curl();

}  // namespace digestif::plugins::http_fetch
