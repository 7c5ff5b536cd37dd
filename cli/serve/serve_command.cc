// `digestif serve`: build into .digestif/serve/, serve it over HTTP, rebuild on changes and
// reload the open tabs, until Ctrl-C.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <system_error>
#include <thread>

#include "cli/allocator_tuning.h"
#include "cli/commands.h"
#include "cli/serve/file_watcher.h"
#include "cli/serve/http_server.h"
#include "cli/serve/live_reload.h"
#include "cli/serve/rebuilder.h"
#include "cli/serve/served_site.h"
#include "cli/timings.h"
#include "core/config.h"

extern char** environ;

namespace digestif::cli {
namespace {

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::string url_host(const std::string& bind) {
  if (bind == "0.0.0.0" || bind.empty()) return "127.0.0.1";
  if (bind == "::") return "[::1]";
  if (bind.find(':') != std::string::npos) return "[" + bind + "]";
  return bind;
}

std::string shown(const std::filesystem::path& path) {
  std::error_code error;
  std::filesystem::path relative = std::filesystem::proximate(path, error);
  return (error ? path : relative).string();
}

std::string clock_time() {
  std::time_t now = std::time(nullptr);
  char text[16];
  std::strftime(text, sizeof text, "%H:%M:%S", std::localtime(&now));
  return text;
}

void print_rebuild(const RebuildResult& result) {
  std::string what;
  for (std::size_t i = 0; i < result.changed.size() && i < 3; ++i)
    what += (i > 0 ? ", " : "") + shown(result.changed[i]);
  if (result.changed.size() > 3)
    what += " and " + std::to_string(result.changed.size() - 3) + " more";
  std::printf("digestif: %s %s changed: %zu pages rendered (%zu changed) in %.0f ms",
              clock_time().c_str(), what.c_str(), result.pages_rendered, result.pages_written,
              result.milliseconds);
  if (result.errors > 0) std::printf(", %d errors (shown in the browser too)", result.errors);
  std::printf("\n");
}

/// A plugin library is loaded once per process: say so when one changes.
void note_changed_plugins(const RebuildResult& result) {
  for (const auto& path : result.changed)
    if (path.extension() == ".so")
      std::printf(
          "digestif: note: plugin library %s changed; restart digestif serve to load it (a "
          "loaded library stays loaded)\n",
          shown(path).c_str());
}

void watch(FileWatcher& watcher, const RebuildResult& result) {
  for (const auto& tree : result.trees) watcher.watch_tree(tree);
  for (const auto& file : result.files) watcher.watch_file(file);
}

void open_in_browser(const std::string& url) {
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
  pid_t child = 0;
  std::string program = "xdg-open";
  char* argv[] = {program.data(), const_cast<char*>(url.c_str()), nullptr};
  if (posix_spawnp(&child, "xdg-open", nullptr, &attributes, argv, environ) != 0)
    std::fprintf(stderr, "digestif: warning: could not run xdg-open; open %s yourself\n",
                 url.c_str());
  posix_spawnattr_destroy(&attributes);
}

/// The handlers and the rebuild loop run on their threads; this one waits for Ctrl-C.
int serve_until_signal(const ServeArguments& arguments, const SiteConfig& config,
                       const sigset_t& stop_signals) {
  ServedSite site(std::filesystem::absolute(config.file).parent_path() / ".digestif" / "serve",
                  config.base_path());
  LiveReload live_reload;
  std::unique_ptr<HttpServer> server;
  int port = 0;
  try {
    server = make_http_server(site, live_reload);
    port = server->bind(arguments.bind, arguments.port);
  } catch (const Error& error) {
    std::fprintf(stderr, "error: %s\n", error.diagnostic().message.c_str());
    return 1;
  } catch (const std::system_error& error) {
    if (error.code().value() == EADDRINUSE)
      std::fprintf(stderr,
                   "error: port %d is in use; stop the other server or pass --port 0 for a free "
                   "port\n",
                   arguments.port);
    else
      std::fprintf(stderr, "error: cannot listen on %s port %d: %s\n", arguments.bind.c_str(),
                   arguments.port, error.code().message().c_str());
    return 1;
  }
  if (!is_loopback(arguments.bind))
    std::fprintf(stderr,
                 "digestif: warning: listening on %s: other machines can read the site and "
                 "its drafts\n",
                 arguments.bind.c_str());
  std::string url =
      "http://" + url_host(arguments.bind) + ":" + std::to_string(port) + config.base_path();
  Rebuilder rebuilder(arguments, site, url);
  RebuildResult first = rebuilder.build({});
  std::printf("digestif: built %s into %s: %zu pages in %.0f ms, %d errors\n",
              shown(config.file).c_str(), shown(site.folder()).c_str(), first.pages_built,
              first.milliseconds, first.errors);
  if (arguments.timings) print_timings(first.summary, first.threads);
  FileWatcher watcher([&](const std::filesystem::path& path) { rebuilder.file_changed(path); });
  watch(watcher, first);
  std::thread watching([&] { watcher.run(); });
  std::thread rebuilding([&] {
    bool had_errors = first.errors > 0;
    rebuilder.run([&](const RebuildResult& result) {
      watch(watcher, result);
      print_rebuild(result);
      if (arguments.timings) print_timings(result.summary, result.threads);
      note_changed_plugins(result);
      bool styles_only = result.css_only && result.errors == 0 && !had_errors;
      had_errors = result.errors > 0;
      live_reload.publish(styles_only ? "css" : "reload");
    });
  });
  std::thread serving([&] { server->listen(); });
  server->wait_until_listening();
  std::printf("digestif: serving at %s (Ctrl-C to stop)\n", url.c_str());
  if (arguments.open) open_in_browser(url);
  int signal = 0;
  sigwait(&stop_signals, &signal);
  std::printf("digestif: stopping\n");
  live_reload.close();
  server->stop();
  watcher.stop();
  rebuilder.stop();
  serving.join();
  watching.join();
  rebuilding.join();
  return 0;
}

}  // namespace

int run_serve(const ServeArguments& arguments) {
  keep_freed_memory();  // each rebuild reuses the last one's pages instead of faulting them in
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // every thread inherits it; sigwait
  ::signal(SIGPIPE, SIG_IGN);                          // a tab closed mid-answer is no crash
  DiagnosticSink sink(
      [](const Diagnostic& diagnostic) { std::cerr << diagnostic.format() << "\n"; });
  SiteConfig config;
  try {
    config = load_config(arguments.config, sink);
  } catch (const Error& error) {
    sink.report(error.diagnostic());
    return 1;
  }
  return serve_until_signal(arguments, config, stop_signals);
}

}  // namespace digestif::cli
