// The served site: the folder `digestif serve` builds into, its lock and the last build's errors.
#include "cli/serve/served_site.h"

#include "cli/serve/error_overlay.h"

namespace digestif::cli {

ServedSite::ServedSite(const std::filesystem::path& folder, std::string base_path)
    : base_path_(std::move(base_path)) {
  std::filesystem::create_directories(folder);
  folder_ = std::filesystem::canonical(folder);
}

void ServedSite::set_errors(std::vector<Diagnostic> errors) {
  overlay_html_ = error_overlay_html(errors);
}

}  // namespace digestif::cli
