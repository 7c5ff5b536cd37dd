// The preview HTTP server: GET and HEAD of the served folder's files over cpp-httplib, with the
// live-reload stream and script, ETags, folder redirects, the site's 404 page and size limits.
#pragma once

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <string>

#include "cli/serve/live_reload.h"
#include "cli/serve/served_site.h"

namespace digestif::cli {

/// Requests whose headers add up to more than this get 431; cpp-httplib (as built by Debian)
/// answers a request line over 8192 bytes with 414 and a header line over 8192 bytes with 400,
/// which this server reports as 431.
inline constexpr std::size_t max_header_bytes = 32 * 1024;

class HttpServer {
 public:
  HttpServer(ServedSite& site, LiveReload& live_reload);

  /// Binds and listens on host:port (port 0: any free port). Returns the port; throws
  /// std::system_error (with errno, EADDRINUSE when taken) when it cannot.
  int bind(const std::string& host, int port);
  /// Serves until stop(); call it on a thread of its own.
  void listen();
  /// Returns once listen() runs (or ended): stop() before that point would not stop it.
  void wait_until_listening() const;
  void stop();

 private:
  void handle(const httplib::Request& request, httplib::Response& response);
  void serve_path(const httplib::Request& request, httplib::Response& response,
                  const std::string& path);
  void stream_events(httplib::Response& response);
  void not_found(const httplib::Request& request, httplib::Response& response);
  void send(const httplib::Request& request, httplib::Response& response,
            const std::filesystem::path& file, std::string body, int status);

  /// cpp-httplib with a longer listen queue: Debian's build listens with a backlog of 5, so a
  /// burst of connections (a browser opening several, a load test) would see dropped SYNs and
  /// one-second retries.
  class Server : public httplib::Server {
   public:
    void widen_backlog(int backlog) { ::listen(svr_sock_, backlog); }
  };

  ServedSite& site_;
  LiveReload& live_reload_;
  Server server_;
  std::atomic<bool> listen_ended_{false};
};

}  // namespace digestif::cli
