// Reddit post ids: finding the id in the path of a Reddit URL.
#include "plugins/site_analysis/reddit_post_id.h"

#include <cctype>

namespace digestif::plugins::site_analysis {
namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// The leading run of letters and digits of `text`, lowercased.
std::string leading_id(std::string_view text) {
  std::size_t end = 0;
  while (end < text.size() && std::isalnum(static_cast<unsigned char>(text[end]))) ++end;
  return lowercase(text.substr(0, end));
}

bool is_reddit_host(const std::string& host) {
  return host == "reddit.com" || (host.size() > 11 && host.ends_with(".reddit.com"));
}

}  // namespace

std::string reddit_post_id(std::string_view url) {
  std::size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  std::size_t slash = rest.find('/');
  std::string host = lowercase(rest.substr(0, slash));
  std::string_view path = slash == std::string_view::npos ? "" : rest.substr(slash);
  if (host == "redd.it" || host == "www.redd.it")
    return path.empty() ? "" : leading_id(path.substr(1));
  if (!is_reddit_host(host)) return "";
  std::string lower_path = lowercase(path);
  if (std::size_t at = lower_path.find("/comments/"); at != std::string::npos)
    return leading_id(path.substr(at + 10));
  if (lower_path.starts_with("/gallery/")) return leading_id(path.substr(9));
  return "";
}

}  // namespace digestif::plugins::site_analysis
