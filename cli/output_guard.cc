// check_output_folder: comparing canonical paths of output, content and project root.
#include "cli/output_guard.h"

#include "core/diagnostic.h"

namespace digestif::cli {
namespace fs = std::filesystem;
namespace {

bool is_inside(const fs::path& path, const fs::path& folder) {
  auto [end, _] = std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
  return end == folder.end();
}

}  // namespace

void check_output_folder(const SiteConfig& config) {
  fs::path output = fs::weakly_canonical(fs::absolute(config.output_path()));
  fs::path root = fs::weakly_canonical(fs::absolute(config.root));
  fs::path content = fs::weakly_canonical(fs::absolute(config.root / config.content_dir));
  std::string file = config.file.string();
  if (is_inside(output, content))
    throw Error(file, 0,
                "the output folder " + output.string() +
                    " is inside the content folder; choose another \"output\"");
  if (is_inside(root, output))
    throw Error(file, 0,
                "the output folder " + output.string() +
                    " would hold the whole project; choose a folder inside it, e.g. \"site\"");
}

}  // namespace digestif::cli
