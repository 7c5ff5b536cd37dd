// DocumentPagesRenderer: the page of each document, fingerprinted from its inputs.
#include "plugins/pages/document_pages.h"

#include "core/permalink.h"

namespace digestif::plugins::pages {

PartInfo DocumentPagesRenderer::info() const {
  PartInfo info{"document_pages", Stage::render, {"document.html"}, {"output.document_pages"}};
  info.own_entries = {"site.document_tags", "site.related", "site.thread_index",
                      "site.review_links"};
  info.wants = info.own_entries;
  for (const char* product : {"site.sections", "site.threads", "site.trends"})  // site_value()
    info.wants.push_back(product);
  return info;
}

std::vector<PlannedOutput> DocumentPagesRenderer::plan(const Site& site) const {
  std::string inputs = site_inputs(site);
  std::lock_guard lock(planned_mutex_);
  planned_site_inputs_ = std::move(inputs);
  planned_build_ = site.build;
  return {};
}

std::string DocumentPagesRenderer::planned_site_inputs(const Site& site) const {
  {
    std::lock_guard lock(planned_mutex_);
    if (site.build != 0 && site.build == planned_build_) return planned_site_inputs_;
  }
  return site_inputs(site);
}

std::string DocumentPagesRenderer::template_of(const Document& document) const {
  return theme_->has_template(document.kind) ? document.kind : "digest";
}

Value DocumentPagesRenderer::context_of(const Document& document, const Site& site) const {
  Value shown = document_value(document, site);
  Value context =
      base_context(site, shown.get_string("heading"), shown.get_string("url"), document.kind);
  context["page"]["description"] = document.description;
  context["document"] = std::move(shown);
  return context;
}

std::vector<PreparedOutput> DocumentPagesRenderer::prepare_document(const Document& document,
                                                                    const Site& site) const {
  std::vector<PreparedOutput> outputs;
  std::string path = output_path_of(document.permalink), name = template_of(document);
  if (document.fingerprint.empty()) {  // its inputs cannot be told: the context's fingerprint
    Value context = context_of(document, site);
    std::string fingerprint = Fingerprint().add(name).add(context).hex();
    outputs.push_back({std::move(path), std::move(fingerprint),
                       [this, name, context = std::move(context)]() mutable {
                         return theme_->render_page(name, std::move(context));
                       }});
    return outputs;
  }
  std::string inputs = document_inputs(document, site, planned_site_inputs(site));
  outputs.push_back({std::move(path), Fingerprint().add(document.kind).add(inputs).hex(),
                     [this, name, &document, &site] {
                       return theme_->render_page(name, context_of(document, site));
                     }});
  return outputs;
}

std::vector<OutputFile> DocumentPagesRenderer::render_document(const Document& document,
                                                               const Site& site) const {
  return {{output_path_of(document.permalink),
           theme_->render_page(template_of(document), context_of(document, site))}};
}

}  // namespace digestif::plugins::pages
