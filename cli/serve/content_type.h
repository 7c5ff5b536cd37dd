// Content types: the Content-Type the preview server sends for a file, from its extension.
#pragma once

#include <filesystem>
#include <string>

namespace digestif::cli {

/// "text/html; charset=utf-8" for .html, ... ; "application/octet-stream" when unknown.
std::string content_type_of(const std::filesystem::path& file);

/// Whether the file is an HTML page (the live-reload script goes into those only).
bool is_html(const std::filesystem::path& file);

}  // namespace digestif::cli
