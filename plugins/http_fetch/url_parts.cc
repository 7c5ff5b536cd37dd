// URL resolution and splitting with curl's URL API.
#include "plugins/http_fetch/url_parts.h"

#include <memory>
#include <vector>

#include "plugins/http_fetch/curl_library.h"

namespace digestif::plugins::http_fetch {
namespace {

using UrlHandle = std::unique_ptr<CURLU, decltype(&::curl_url_cleanup)>;

std::optional<std::string> part(CURLU* url, CURLUPart which) {
  char* text = nullptr;
  if (curl().url_get(url, which, &text, 0) != CURLUE_OK) return std::nullopt;
  std::string result = text;
  curl().free(text);
  return result;
}

std::string lowercase(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
        hex_digit(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> resolve_url(const std::string& base, const std::string& reference) {
  UrlHandle url(curl().url(), curl().url_cleanup);
  if (!url || curl().url_set(url.get(), CURLUPART_URL, base.c_str(), 0) != CURLUE_OK)
    return std::nullopt;
  if (curl().url_set(url.get(), CURLUPART_URL, reference.c_str(), 0) != CURLUE_OK)
    return std::nullopt;
  return part(url.get(), CURLUPART_URL);
}

std::optional<UrlParts> split_url(const std::string& text) {
  UrlHandle url(curl().url(), curl().url_cleanup);
  if (!url || curl().url_set(url.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK)
    return std::nullopt;
  auto scheme = part(url.get(), CURLUPART_SCHEME);
  auto host = part(url.get(), CURLUPART_HOST);
  auto path = part(url.get(), CURLUPART_PATH);
  if (!scheme || !host || !path) return std::nullopt;
  return UrlParts{lowercase(*scheme), lowercase(*host), *path};
}

bool is_reddit_post_path(std::string_view path) {
  std::vector<std::string_view> segments;
  while (!path.empty()) {
    auto slash = path.find('/');
    std::string_view segment = path.substr(0, slash);
    if (!segment.empty()) segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return (segments.size() == 4 || segments.size() == 5) && segments[0] == "r" &&
         segments[2] == "comments";
}

std::string url_stem(const std::string& url) {
  auto parts = split_url(url);
  std::string_view path = parts ? std::string_view(parts->path) : std::string_view();
  while (!path.empty() && path.back() == '/') path.remove_suffix(1);
  std::string name = percent_decoded(path.substr(path.rfind('/') + 1));
  auto dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name.erase(dot);
  return name.empty() ? (parts ? parts->host : std::string("index")) : name;
}

}  // namespace digestif::plugins::http_fetch
