// The HTTP server module: the preview server over cpp-httplib, and its entry point.
#include "cli/serve/httplib_server.h"

#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <optional>
#include <sstream>
#include <system_error>
#include <thread>

#include "cli/serve/content_type.h"
#include "cli/serve/etag.h"
#include "cli/serve/http_server_module.h"
#include "cli/serve/safe_path.h"

namespace digestif::cli {
namespace {

constexpr std::size_t worker_threads = 64;  // open tabs hold one each for their event stream
constexpr int heartbeat_ms = 10000;
constexpr int listen_backlog = 128;

using Status = httplib::Server::HandlerResponse;

void set_text(httplib::Response& response, int status, const std::string& text) {
  response.status = status;
  response.set_content(text + "\n", "text/plain; charset=utf-8");
}

void refuse_method(httplib::Response& response) {
  response.set_header("Allow", "GET, HEAD");
  set_text(response, 405, "405 Method Not Allowed: the preview server serves GET and HEAD");
}

/// cpp-httplib refuses a method it does not know ("BREW / HTTP/1.1") as a malformed request
/// line; it is a well-formed request with a method this server does not allow.
bool is_unknown_method(const httplib::Request& request) {
  bool token = !request.method.empty() &&
               std::all_of(request.method.begin(), request.method.end(),
                           [](char c) { return (c >= 'A' && c <= 'Z') || c == '-' || c == '_'; });
  return token && request.path.empty() && !request.target.empty() &&
         (request.version == "HTTP/1.1" || request.version == "HTTP/1.0");
}

std::size_t header_bytes(const httplib::Request& request) {
  std::size_t total = 0;
  for (const auto& [name, value] : request.headers) total += name.size() + value.size() + 4;
  return total;
}

std::optional<std::string> read_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(bytes).str();
}

/// The path percent-encoded again for a Location header, each segment as is otherwise.
std::string encoded_path(const std::string& path) {
  static const char* hex = "0123456789ABCDEF";
  std::string encoded;
  for (char c : path) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || std::string_view("/-._~!$&'()*+,;=:@").find(c) != std::string::npos)
      encoded += c;
    else
      encoded += {'%', hex[byte >> 4], hex[byte & 15]};
  }
  return encoded;
}

/// `path` with empty segments dropped: "//a//b" -> "/a/b" (no "//host" in a Location).
std::string collapsed(const std::string& path) {
  std::string result;
  for (char c : path)
    if (c != '/' || result.empty() || result.back() != '/') result += c;
  return result;
}

/// The socket options: SO_REUSEADDR, not cpp-httplib's default SO_REUSEPORT (which would let a
/// second server bind a port already in use instead of failing), and TCP_NODELAY (inherited by
/// accepted sockets): cpp-httplib sends a response's head and body in separate writes, and
/// Nagle's algorithm would hold the body until the client's delayed ACK, ~40 ms.
void socket_options(socket_t socket) {
  int yes = 1;
  setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  setsockopt(socket, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
}

/// The errno of binding host:port, for the message when cpp-httplib could not bind.
int bind_error(const std::string& host, int port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found) != 0)
    return EADDRNOTAVAIL;
  int error = 0;
  int probe = socket(found->ai_family, found->ai_socktype, found->ai_protocol);
  if (probe < 0) {
    error = errno;
  } else {
    socket_options(probe);
    if (::bind(probe, found->ai_addr, found->ai_addrlen) != 0) error = errno;
    ::close(probe);
  }
  freeaddrinfo(found);
  return error != 0 ? error : EADDRINUSE;
}

}  // namespace

HttplibServer::HttplibServer(ServedSite& site, LiveReload& live_reload)
    : site_(site), live_reload_(live_reload) {
  server_.new_task_queue = [] { return new httplib::ThreadPool(worker_threads); };
  server_.set_socket_options(socket_options);
  server_.set_keep_alive_max_count(1000);
  server_.set_pre_routing_handler(
      [this](const httplib::Request& request, httplib::Response& response) {
        handle(request, response);
        return Status::Handled;
      });
  // cpp-httplib answers some bad requests itself, with an empty body: say what was wrong.
  server_.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& request,
                                                                    httplib::Response& response) {
    if (!response.body.empty()) return Status::Unhandled;
    if (response.status == 414)
      set_text(response, 414, "414 URI Too Long: the request line is over 8192 bytes");
    else if (response.status == 400 && !request.path.empty())  // request line read, headers not
      set_text(response, 431, "431 Request Header Fields Too Large: a header is over 8192 bytes");
    else if (response.status == 400 && is_unknown_method(request))
      refuse_method(response);
    else if (response.status == 400)
      set_text(response, 400, "400 Bad Request: the request line or a header is malformed");
    else
      set_text(response, response.status, std::to_string(response.status));
    return Status::Handled;
  }));
}

int HttplibServer::bind(const std::string& host, int port) {
  int bound = port == 0 ? server_.bind_to_any_port(host) : port;
  if (port != 0 && !server_.bind_to_port(host, port)) bound = -1;
  if (bound < 0) throw std::system_error(bind_error(host, port), std::generic_category(), host);
  server_.widen_backlog(listen_backlog);
  return bound;
}

void HttplibServer::listen() {
  server_.listen_after_bind();
  listen_ended_ = true;
}

void HttplibServer::wait_until_listening() const {
  while (!server_.is_running() && !listen_ended_)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void HttplibServer::stop() { server_.stop(); }

void HttplibServer::handle(const httplib::Request& request, httplib::Response& response) {
  if (request.method != "GET" && request.method != "HEAD") return refuse_method(response);
  if (header_bytes(request) > max_header_bytes) {
    set_text(response, 431, "431 Request Header Fields Too Large");
    return;
  }
  if (request.path == live_reload_path) return stream_events(response);
  const std::string& base = site_.base_path();
  if (request.path + "/" == base) {
    response.set_redirect(base, 301);
    return;
  }
  if (request.path.compare(0, base.size(), base) != 0) return not_found(request, response);
  serve_path(request, response, request.path.substr(base.size() - 1));
}

void HttplibServer::serve_path(const httplib::Request& request, httplib::Response& response,
                               const std::string& path) {
  ResolvedPath resolved = resolve_in_root(site_.folder(), path);
  if (resolved.verdict == PathVerdict::malformed)
    return set_text(response, 400, "400 Bad Request: the path has a forbidden segment");
  if (resolved.verdict == PathVerdict::outside)
    return set_text(response, 403, "403 Forbidden: the path leads outside the site");
  if (resolved.file.filename().string().rfind(".digestif", 0) == 0)  // the writer's records
    return not_found(request, response);
  {
    auto lock = site_.read_lock();
    std::error_code error;
    if (std::filesystem::is_directory(resolved.file, error)) {
      if (path.back() != '/') {
        std::string location = encoded_path(collapsed(request.path + "/"));
        std::size_t query = request.target.find('?');
        if (query != std::string::npos) location += request.target.substr(query);
        return response.set_redirect(location, 301);
      }
      resolved = resolve_in_root(site_.folder(), path + "index.html");
    }
    std::optional<std::string> bytes;
    if (resolved.verdict == PathVerdict::inside &&
        std::filesystem::is_regular_file(resolved.file, error))
      bytes = read_bytes(resolved.file);
    if (bytes) return send(request, response, resolved.file, std::move(*bytes), 200);
  }
  not_found(request, response);
}

void HttplibServer::not_found(const httplib::Request& request, httplib::Response& response) {
  auto lock = site_.read_lock();
  std::filesystem::path page = site_.folder() / "404.html";
  std::optional<std::string> bytes = read_bytes(page);
  if (!bytes) return set_text(response, 404, "404 Not Found");
  send(request, response, page, std::move(*bytes), 404);
}

// Call under the read lock (the overlay belongs to the build that wrote the file).
void HttplibServer::send(const httplib::Request& request, httplib::Response& response,
                         const std::filesystem::path& file, std::string body, int status) {
  if (is_html(file))
    body = inject_before_body_end(std::move(body), site_.overlay_html() + live_reload_script());
  std::string etag = etag_of(body);
  response.set_header("Cache-Control", "no-cache");
  if (status == 200) {
    response.set_header("ETag", etag);
    if (if_none_match_matches(request.get_header_value("If-None-Match"), etag)) {
      response.status = 304;
      return;
    }
  }
  response.status = status;
  response.set_content(body, content_type_of(file));
}

void HttplibServer::stream_events(httplib::Response& response) {
  response.set_header("Cache-Control", "no-store");
  std::uint64_t seen = live_reload_.last_event();
  auto opened = std::make_shared<bool>(false);
  response.set_chunked_content_provider(
      "text/event-stream", [this, seen, opened](std::size_t, httplib::DataSink& sink) mutable {
        std::string text = *opened ? live_reload_.next_events(seen, heartbeat_ms)
                                   : "retry: 500\n: digestif live reload\n\n";
        *opened = true;
        if (text.empty()) {  // the server is stopping
          sink.done();
          return true;
        }
        return sink.write(text.data(), text.size());
      });
}

}  // namespace digestif::cli

extern "C" __attribute__((visibility("default"))) const DigestifHttpServerModule*
digestif_http_server_module() {
  static const DigestifHttpServerModule module = {
      DIGESTIF_VERSION, DIGESTIF_COMPILER, DIGESTIF_STD_LIBRARY,
      [](digestif::cli::ServedSite& site,
         digestif::cli::LiveReload& live_reload) -> digestif::cli::HttpServer* {
        return new digestif::cli::HttplibServer(site, live_reload);
      }};
  return &module;
}
