// ThemeStaticRenderer: listing and copying static theme files.
#include "plugins/theme_static/theme_static_renderer.h"

#include <algorithm>

#include "core/output_writer.h"

namespace digestif::plugins::theme_static {
namespace fs = std::filesystem;

std::vector<PlannedOutput> ThemeStaticRenderer::plan(const Site&) const {
  std::vector<PlannedOutput> outputs;
  if (!fs::is_directory(folder_)) return outputs;
  for (const auto& entry : fs::recursive_directory_iterator(folder_)) {
    if (!entry.is_regular_file() || entry.path().filename().string().front() == '.') continue;
    outputs.push_back(
        {entry.path().lexically_relative(folder_).generic_string(), Value(entry.path().string())});
  }
  std::sort(outputs.begin(), outputs.end(),
            [](const auto& a, const auto& b) { return a.path < b.path; });
  return outputs;
}

std::string ThemeStaticRenderer::render(const PlannedOutput& output, const Site&) const {
  return read_file(output.params.as_string());
}

}  // namespace digestif::plugins::theme_static
