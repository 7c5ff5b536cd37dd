// The C entry point of the HTTP server module: what the executable checks before any C++ type
// crosses.
#pragma once

#include "cli/serve/http_server.h"
#include "core/plugin_abi.h"

extern "C" {

struct DigestifHttpServerModule {
  const char* version;      ///< DIGESTIF_VERSION the module was built as
  const char* compiler;     ///< DIGESTIF_COMPILER
  const char* std_library;  ///< DIGESTIF_STD_LIBRARY
  digestif::cli::HttpServer* (*make)(digestif::cli::ServedSite&, digestif::cli::LiveReload&);
};

typedef const DigestifHttpServerModule* (*DigestifHttpServerModuleFunction)();
}

/// The name of the entry point the module exports.
#define DIGESTIF_HTTP_SERVER_ENTRY_POINT "digestif_http_server_module"
