// ThemeStaticRenderer: one output per file under the theme's static/ folder, bytes unchanged.
#pragma once

#include "core/plugin.h"

namespace digestif::plugins::theme_static {

class ThemeStaticRenderer : public Renderer {
 public:
  explicit ThemeStaticRenderer(std::filesystem::path folder) : folder_(std::move(folder)) {}
  PartInfo info() const override { return {"theme_static", Stage::render, {}, {"output.static"}}; }
  std::vector<PlannedOutput> plan(const Site& site) const override;
  std::string render(const PlannedOutput& output, const Site& site) const override;

 private:
  std::filesystem::path folder_;
};

}  // namespace digestif::plugins::theme_static
