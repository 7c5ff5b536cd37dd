// Live reload: the server-sent events that tell open tabs to reload, and the script that listens.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>

namespace digestif::cli {

/// The path of the event stream the injected script listens to.
inline constexpr std::string_view live_reload_path = "/__digestif/live-reload";

/// Broadcasts events to every connected tab; each tab's stream waits in `next_events`.
class LiveReload {
 public:
  /// Sends `event` ("reload": load the page again; "css": swap the stylesheets) to every tab.
  void publish(const std::string& event);
  /// The number of the last event published: a new stream starts after it.
  std::uint64_t last_event() const;
  /// Blocks until events newer than `seen` exist (returns them as SSE text and advances
  /// `seen`), `timeout_ms` passed (returns a comment line, a heartbeat) or close() was called
  /// (returns "").
  std::string next_events(std::uint64_t& seen, int timeout_ms);
  /// Wakes and ends every stream; later calls to next_events return "" at once.
  void close();
  bool closed() const;

 private:
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<std::uint64_t, std::string>> recent_;  // the last events, oldest first
  std::uint64_t last_ = 0;
  bool closed_ = false;
};

/// The <script> the server adds to the HTML it serves (never to the files of `digestif build`).
std::string live_reload_script();

/// `html` with `snippet` inserted before its last </body> (appended when there is none).
std::string inject_before_body_end(std::string html, std::string_view snippet);

}  // namespace digestif::cli
