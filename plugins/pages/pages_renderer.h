// PagesRenderer: document pages, the paginated home, tag index and tag pages, archive and 404.
#pragma once

#include <memory>

#include "core/plugin.h"
#include "plugins/pages/theme.h"

namespace digestif::plugins::pages {

/// Document pages use the template named after the document's kind ("digest", "review").
/// Site pages: index.html and page/N/, tags/, tags/<slug>/ (paginated), archive/, 404.html.
class PagesRenderer : public Renderer {
 public:
  explicit PagesRenderer(std::shared_ptr<const Theme> theme) : theme_(std::move(theme)) {}
  PartInfo info() const override;
  bool renders_documents() const override { return true; }
  std::vector<OutputFile> render_document(const Document& document,
                                          const Site& site) const override;
  std::vector<PlannedOutput> plan(const Site& site) const override;
  std::string render(const PlannedOutput& output, const Site& site) const override;

 private:
  std::string render_list(const Site& site, const Value& params) const;
  std::string render_tag_index(const Site& site) const;
  std::string render_archive(const Site& site) const;
  std::string render_not_found(const Site& site) const;
  Value base_context(const Site& site, const std::string& title, const std::string& url,
                     const std::string& kind, const std::string& tag_slug = {}) const;

  std::shared_ptr<const Theme> theme_;
};

}  // namespace digestif::plugins::pages
