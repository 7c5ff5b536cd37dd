// Live reload: the server-sent events that tell open tabs to reload, and the script that listens.
#include "cli/serve/live_reload.h"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace digestif::cli {
namespace {

constexpr std::size_t kept_events = 16;

}  // namespace

void LiveReload::publish(const std::string& event) {
  {
    std::lock_guard lock(mutex_);
    recent_.emplace_back(++last_, event);
    if (recent_.size() > kept_events) recent_.pop_front();
  }
  changed_.notify_all();
}

std::uint64_t LiveReload::last_event() const {
  std::lock_guard lock(mutex_);
  return last_;
}

std::string LiveReload::next_events(std::uint64_t& seen, int timeout_ms) {
  std::unique_lock lock(mutex_);
  bool woken = changed_.wait_for(lock, std::chrono::milliseconds(timeout_ms),
                                 [&] { return closed_ || last_ > seen; });
  if (closed_) return "";
  if (!woken) return ": still here\n\n";
  std::string text;
  for (const auto& [number, event] : recent_) {
    if (number <= seen) continue;
    text += "event: " + event + "\ndata: " + std::to_string(number) + "\n\n";
  }
  seen = last_;
  return text;
}

void LiveReload::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

bool LiveReload::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

std::string live_reload_script() {
  return "<script data-digestif-live-reload>\n"
         "(function () {\n"
         "  var events = new EventSource(\"" +
         std::string(live_reload_path) +
         "\");\n"
         "  events.onopen = function () {\n"
         "    document.documentElement.dataset.digestifLiveReload = \"connected\";\n"
         "  };\n"
         "  events.addEventListener(\"reload\", function () { location.reload(); });\n"
         "  events.addEventListener(\"css\", function () {\n"
         "    var stamp = String(Date.now());\n"
         "    document.querySelectorAll('link[rel~=\"stylesheet\"]').forEach(function (link) {\n"
         "      var url = new URL(link.href, location.href);\n"
         "      url.searchParams.set(\"digestif-reload\", stamp);\n"
         "      link.href = url.href;\n"
         "    });\n"
         "  });\n"
         "})();\n"
         "</script>\n";
}

std::string inject_before_body_end(std::string html, std::string_view snippet) {
  static constexpr std::string_view end_tag = "</body>";
  auto found =
      std::search(html.rbegin(), html.rend(), end_tag.rbegin(), end_tag.rend(),
                  [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  if (found == html.rend()) return html.append(snippet);
  std::size_t position = static_cast<std::size_t>(html.rend() - found) - end_tag.size();
  html.insert(position, snippet);
  return html;
}

}  // namespace digestif::cli
