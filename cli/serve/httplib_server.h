// HttplibServer: the preview HTTP server over cpp-httplib (the module's HttpServer).
#pragma once

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <string>

#include "cli/serve/http_server.h"

namespace digestif::cli {

/// Requests whose headers add up to more than this get 431; cpp-httplib (as built by Debian)
/// answers a request line over 8192 bytes with 414 and a header line over 8192 bytes with 400,
/// which this server reports as 431.
inline constexpr std::size_t max_header_bytes = 32 * 1024;

class HttplibServer : public HttpServer {
 public:
  HttplibServer(ServedSite& site, LiveReload& live_reload);

  int bind(const std::string& host, int port) override;
  void listen() override;
  void wait_until_listening() const override;
  void stop() override;

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
