// Safe paths: maps a request's path onto a file of the served folder, refusing every escape.
#include "cli/serve/safe_path.h"

#include <string_view>
#include <system_error>

namespace digestif::cli {
namespace {

bool is_safe_segment(std::string_view segment) {
  if (segment == "." || segment == "..") return false;
  for (char c : segment) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '\\' || byte < 0x20 || byte == 0x7f) return false;
  }
  return true;
}

bool is_under(const std::filesystem::path& file, const std::filesystem::path& root) {
  std::filesystem::path relative = file.lexically_relative(root);
  return !relative.empty() && *relative.begin() != "..";
}

}  // namespace

ResolvedPath resolve_in_root(const std::filesystem::path& root, const std::string& url_path) {
  if (url_path.empty() || url_path.front() != '/') return {};
  std::filesystem::path relative;
  std::size_t start = 1;
  while (start <= url_path.size()) {
    std::size_t end = url_path.find('/', start);
    if (end == std::string::npos) end = url_path.size();
    std::string_view segment(url_path.data() + start, end - start);
    if (!segment.empty()) {
      if (!is_safe_segment(segment)) return {};
      relative /= std::filesystem::path(std::string(segment));
    }
    start = end + 1;
  }
  std::error_code error;
  std::filesystem::path file = std::filesystem::weakly_canonical(root / relative, error);
  if (error || !is_under(file, root)) return {PathVerdict::outside, {}};
  return {PathVerdict::inside, file};
}

}  // namespace digestif::cli
