// fetch_all on curl multi: an own queue per host, retries scheduled in time, limits per transfer.
#include "plugins/http_fetch/http_fetcher.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <optional>

#include "plugins/http_fetch/curl_library.h"
#include "plugins/http_fetch/retry_after.h"
#include "plugins/http_fetch/url_parts.h"

namespace digestif::plugins::http_fetch {
namespace {

using Clock = std::chrono::steady_clock;

/// One request on its way: its easy handle, what arrived, when it may try again.
struct Transfer {
  std::size_t index = 0;
  std::string host;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::size_t max_body = 0;
  bool too_big = false;
  std::string body;
  std::string etag, last_modified, retry_after;
  char error_buffer[CURL_ERROR_SIZE] = {};
  Clock::time_point not_before = {};
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::size_t bytes = size * count;
  if (transfer->body.size() + bytes > transfer->max_body) {
    transfer->too_big = true;
    return 0;  // aborts the transfer
  }
  transfer->body.append(data, bytes);
  return bytes;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == '\r' || text.back() == '\n' || text.back() == ' '))
    text.remove_suffix(1);
  return std::string(text);
}

bool header_is(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) != name[i]) return false;
  return true;
}

/// Keeps the validators and Retry-After of the last response (a redirect's are dropped).
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* transfer = static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  if (line.rfind("HTTP/", 0) == 0) {
    transfer->etag.clear();
    transfer->last_modified.clear();
    transfer->retry_after.clear();
  } else if (header_is(line, "etag")) {
    transfer->etag = trimmed(line.substr(5));
  } else if (header_is(line, "last-modified")) {
    transfer->last_modified = trimmed(line.substr(14));
  } else if (header_is(line, "retry-after")) {
    transfer->retry_after = trimmed(line.substr(12));
  }
  return size * count;
}

void configure(Transfer& transfer, const FetchRequest& request, const FetchOptions& options) {
  CURL* easy = transfer.easy;
  curl().easy_setopt(easy, CURLOPT_URL, request.url.c_str());
  curl().easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl().easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl().easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl().easy_setopt(easy, CURLOPT_MAXREDIRS, 5L);
  curl().easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, 1L);
  curl().easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, 2L);
  curl().easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl().easy_setopt(easy, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl().easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, options.connect_timeout_ms);
  curl().easy_setopt(easy, CURLOPT_TIMEOUT_MS, options.timeout_ms);
  curl().easy_setopt(easy, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body));
  curl().easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
  curl().easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl().easy_setopt(easy, CURLOPT_WRITEDATA, &transfer);
  curl().easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
  curl().easy_setopt(easy, CURLOPT_HEADERDATA, &transfer);
  curl().easy_setopt(easy, CURLOPT_ERRORBUFFER, transfer.error_buffer);
  if (!request.etag.empty())
    transfer.headers =
        curl().slist_append(transfer.headers, ("If-None-Match: " + request.etag).c_str());
  if (!request.last_modified.empty())
    transfer.headers = curl().slist_append(transfer.headers,
                                           ("If-Modified-Since: " + request.last_modified).c_str());
  curl().easy_setopt(easy, CURLOPT_HTTPHEADER, transfer.headers);
}

std::string seconds_text(long ms) {
  char text[32];
  std::snprintf(text, sizeof text, "%g s", ms / 1000.0);
  return text;
}

/// The error of a finished transfer in words; empty when it ran to its end.
std::string transfer_error(CURLcode code, const Transfer& transfer, const FetchOptions& options) {
  switch (code) {
    case CURLE_OK:
      return "";
    case CURLE_OPERATION_TIMEDOUT:
      return "timed out after " + seconds_text(options.timeout_ms) + ", see option \"timeout\"";
    case CURLE_TOO_MANY_REDIRECTS:
      return "more than 5 redirects";
    case CURLE_UNSUPPORTED_PROTOCOL:
      return "not http or https (only those are fetched, also on redirect)";
    case CURLE_FILESIZE_EXCEEDED:
      return "the body is larger than " + std::to_string(options.max_body) +
             " bytes, see option \"max_body\"";
    case CURLE_WRITE_ERROR:
      if (transfer.too_big)
        return "the body is larger than " + std::to_string(options.max_body) +
               " bytes, see option \"max_body\"";
      break;
    default:
      break;
  }
  std::string detail = transfer.error_buffer[0] != 0 ? transfer.error_buffer : "";
  return curl().easy_strerror(code) + (detail.empty() ? "" : ": " + detail);
}

/// The queue of transfers and the multi handle that runs them.
class Runner {
 public:
  Runner(const std::vector<FetchRequest>& requests, const FetchOptions& options)
      : requests_(requests), options_(options), results_(requests.size()) {
    multi_ = curl().multi_init();
    for (std::size_t i = 0; i < requests.size(); ++i) {
      auto transfer = std::make_unique<Transfer>();
      transfer->index = i;
      auto parts = split_url(requests[i].url);
      transfer->host = parts ? parts->host : requests[i].url;
      waiting_.push_back(std::move(transfer));
    }
  }
  ~Runner() { curl().multi_cleanup(multi_); }

  std::vector<FetchResult> run() {
    while (!waiting_.empty() || !running_.empty()) {
      start_ready();
      int still = 0;
      curl().multi_perform(multi_, &still);
      collect();
      if (!running_.empty() || !waiting_.empty())
        curl().multi_poll(multi_, nullptr, 0, poll_ms(), nullptr);
    }
    return std::move(results_);
  }

 private:
  void start_ready() {
    auto now = Clock::now();
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      Transfer& transfer = **it;
      if (static_cast<int>(running_.size()) >= options_.max_parallel) return;
      if (transfer.not_before > now || per_host_[transfer.host] >= options_.per_host) {
        ++it;
        continue;
      }
      start(transfer);
      ++per_host_[transfer.host];
      running_[transfer.easy] = std::move(*it);
      it = waiting_.erase(it);
    }
  }

  void start(Transfer& transfer) {
    transfer.easy = curl().easy_init();
    transfer.max_body = options_.max_body;
    transfer.too_big = false;
    transfer.body.clear();
    transfer.error_buffer[0] = 0;
    configure(transfer, requests_[transfer.index], options_);
    ++results_[transfer.index].attempts;
    curl().multi_add_handle(multi_, transfer.easy);
  }

  /// Until the next retry that has a free slot is due (at most 1 s); the poll also wakes on
  /// socket activity, and a finished transfer frees a slot.
  int poll_ms() const {
    auto now = Clock::now();
    long wait = 1000;
    if (static_cast<int>(running_.size()) >= options_.max_parallel) return static_cast<int>(wait);
    for (const auto& transfer : waiting_) {
      auto busy = per_host_.find(transfer->host);
      if (busy != per_host_.end() && busy->second >= options_.per_host) continue;
      long due =
          std::chrono::duration_cast<std::chrono::milliseconds>(transfer->not_before - now).count();
      wait = std::min(wait, std::max(due, 0L));
    }
    return static_cast<int>(wait);
  }

  void collect() {
    int left = 0;
    while (CURLMsg* message = curl().multi_info_read(multi_, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      auto it = running_.find(message->easy_handle);
      std::unique_ptr<Transfer> transfer = std::move(it->second);
      running_.erase(it);
      --per_host_[transfer->host];
      finish(std::move(transfer), message->data.result);
    }
  }

  void finish(std::unique_ptr<Transfer> transfer, CURLcode code) {
    FetchResult& result = results_[transfer->index];
    long status = 0;
    curl().easy_getinfo(transfer->easy, CURLINFO_RESPONSE_CODE, &status);
    curl().multi_remove_handle(multi_, transfer->easy);
    curl().easy_cleanup(transfer->easy);
    curl().slist_free_all(transfer->headers);
    transfer->easy = nullptr;
    transfer->headers = nullptr;
    result.status = status;
    result.error = transfer_error(code, *transfer, options_);
    bool retryable = code == CURLE_OK && (status == 429 || status >= 500);
    if (retryable && result.attempts <= options_.retries) {
      long wait =
          retry_wait(result.attempts, parse_retry_after(transfer->retry_after, std::time(nullptr)),
                     options_.backoff_ms, options_.retry_wait_ms);
      transfer->not_before = Clock::now() + std::chrono::milliseconds(wait);
      waiting_.push_back(std::move(transfer));
      return;
    }
    result.body = std::move(transfer->body);
    result.etag = transfer->etag;
    result.last_modified = transfer->last_modified;
  }

  const std::vector<FetchRequest>& requests_;
  const FetchOptions& options_;
  std::vector<FetchResult> results_;
  CURLM* multi_ = nullptr;
  std::deque<std::unique_ptr<Transfer>> waiting_;
  std::map<CURL*, std::unique_ptr<Transfer>> running_;
  std::map<std::string, int> per_host_;
};

}  // namespace

std::string FetchResult::problem() const {
  if (!error.empty()) return error;
  std::string text = "HTTP " + std::to_string(status);
  if (attempts > 1) text += " after " + std::to_string(attempts) + " attempts";
  return text;
}

std::vector<FetchResult> fetch_all(const std::vector<FetchRequest>& requests,
                                   const FetchOptions& options) {
  if (requests.empty()) return {};
  return Runner(requests, options).run();
}

}  // namespace digestif::plugins::http_fetch
