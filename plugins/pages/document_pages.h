// DocumentPagesRenderer: a page per published document, with the theme's template of its kind.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/plugin.h"
#include "plugins/pages/page_model.h"
#include "plugins/pages/theme.h"

namespace digestif::plugins::pages {

/// A document's page uses the template named after its kind ("digest", "review"; else
/// "digest") and shows the document with what the site products say of it: its tags, related
/// documents, threads' places on the threads page and review links (its own entries of them,
/// PartInfo::own_entries), and the site's settings. A page is fingerprinted from those inputs
/// (document_inputs()) without building its context, which is built only to render it.
class DocumentPagesRenderer : public Renderer {
 public:
  explicit DocumentPagesRenderer(std::shared_ptr<const Theme> theme) : theme_(std::move(theme)) {}
  PartInfo info() const override;
  bool renders_documents() const override { return true; }
  /// No output of its own: notes what every page shows of the site, once per build.
  std::vector<PlannedOutput> plan(const Site& site) const override;
  std::vector<OutputFile> render_document(const Document& document,
                                          const Site& site) const override;
  std::vector<PreparedOutput> prepare_document(const Document& document,
                                               const Site& site) const override;
  /// A page shows of other documents what entry_link() does (for related documents) and the
  /// newest one's year.
  bool fingerprint_listed(const Document& other, Fingerprint& fingerprint) const override {
    add_link_inputs(other, fingerprint);
    return true;
  }

 private:
  /// site_inputs() of the site, as plan() noted it for this build, else afresh.
  std::string planned_site_inputs(const Site& site) const;
  /// The theme's template for the document's kind.
  std::string template_of(const Document& document) const;
  /// The page's template context: the site, the page and the document (document_value()).
  Value context_of(const Document& document, const Site& site) const;

  std::shared_ptr<const Theme> theme_;
  mutable std::mutex planned_mutex_;
  mutable std::uint64_t planned_build_ = 0;  // Site::build plan() noted site_inputs() for
  mutable std::string planned_site_inputs_;
};

}  // namespace digestif::plugins::pages
