// The preview HTTP server as `digestif serve` uses it, and the module that implements it: loaded
// when serve starts, so the other commands do not load cpp-httplib and the TLS and compression
// libraries Debian builds it with (10 ms at every start).
#pragma once

#include <memory>
#include <string>

#include "cli/serve/live_reload.h"
#include "cli/serve/served_site.h"

namespace digestif::cli {

/// GET and HEAD of the served folder's files, with the live-reload stream and script, ETags,
/// folder redirects, the site's 404 page and size limits.
class HttpServer {
 public:
  virtual ~HttpServer() = default;
  /// Binds and listens on host:port (port 0: any free port). Returns the port; throws
  /// std::system_error (with errno, EADDRINUSE when taken) when it cannot.
  virtual int bind(const std::string& host, int port) = 0;
  /// Serves until stop(); call it on a thread of its own.
  virtual void listen() = 0;
  /// Returns once listen() runs (or ended): stop() before that point would not stop it.
  virtual void wait_until_listening() const = 0;
  virtual void stop() = 0;
};

/// The file name of the module, beside the digestif executable.
inline constexpr const char* http_server_module = "digestif-http-server.so";

/// A server from the module (opened on the first call); throws Error when it cannot be loaded
/// or was built by another build of digestif.
std::unique_ptr<HttpServer> make_http_server(ServedSite& site, LiveReload& live_reload);

}  // namespace digestif::cli
