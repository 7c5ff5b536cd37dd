// Content types: the Content-Type the preview server sends for a file, from its extension.
#include "cli/serve/content_type.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace digestif::cli {
namespace {

std::string lower_extension(const std::filesystem::path& file) {
  std::string extension = file.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

}  // namespace

std::string content_type_of(const std::filesystem::path& file) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".xml", "application/xml; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ico", "image/x-icon"},
  };
  auto found = types.find(lower_extension(file));
  return found == types.end() ? "application/octet-stream" : found->second;
}

bool is_html(const std::filesystem::path& file) {
  std::string extension = lower_extension(file);
  return extension == ".html" || extension == ".htm";
}

}  // namespace digestif::cli
