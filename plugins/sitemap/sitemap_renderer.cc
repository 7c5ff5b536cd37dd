// SitemapRenderer: collects the site's pages and writes them as a sitemaps.org <urlset>.
#include "plugins/sitemap/sitemap_renderer.h"

#include <tinyxml2.h>

#include <unordered_set>

#include "core/date.h"
#include "core/document_groups.h"
#include "core/fingerprint.h"

namespace digestif::plugins::sitemap {
namespace {

/// Adds entries, skipping URLs already listed.
class EntryList {
 public:
  void add(std::string loc, std::string lastmod = {}) {
    if (seen_.insert(loc).second) entries_.push_back({std::move(loc), std::move(lastmod)});
  }
  std::vector<SitemapEntry> take() { return std::move(entries_); }

 private:
  std::unordered_set<std::string> seen_;
  std::vector<SitemapEntry> entries_;
};

/// Root-relative URL (with base path) of a document: base_path + permalink without its '/'.
std::string document_path(const SiteConfig& config, const Document& document) {
  return config.url_of(document.permalink);
}

/// The index page and each group page of every group kind a plugin produced (tags, sections).
void add_group_pages(EntryList& list, const Site& site) {
  const SiteConfig& config = site.config;
  for (const GroupKind& kind : kGroupKinds) {
    if (site.data.find(kind.product) == nullptr) continue;
    list.add(config.absolute_url(config.url_of("/" + std::string(kind.folder))));
    for (const Value& group : groups_of(site, kind.product))
      list.add(config.absolute_url(config.url_of("/" + group.get_string("path"))));
  }
}

/// The <urlset> of `entries`, written as it goes (tinyxml2's printer without a document: a tree
/// of 45,000 nodes for 15,000 pages cost more than the text).
std::string sitemap_xml(const std::vector<SitemapEntry>& entries) {
  tinyxml2::XMLPrinter printer;
  printer.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
  printer.OpenElement("urlset");
  printer.PushAttribute("xmlns", kSitemapNamespace);
  auto text_element = [&printer](const char* name, const std::string& text) {
    printer.OpenElement(name);
    printer.PushText(text.c_str());
    printer.CloseElement();
  };
  for (const SitemapEntry& entry : entries) {
    printer.OpenElement("url");
    text_element("loc", entry.loc);
    if (!entry.lastmod.empty()) text_element("lastmod", entry.lastmod);
    printer.CloseElement();
  }
  printer.CloseElement();
  std::string text(printer.CStr(), static_cast<std::size_t>(printer.CStrSize() - 1));
  if (text.empty() || text.back() != '\n') text += '\n';
  return text;
}

/// Adds what sitemap_entries() reads of a document: its place and date.
void add_document_inputs(const Document& document, Fingerprint& fingerprint) {
  fingerprint.add(document.permalink)
      .add(static_cast<std::int64_t>(document.date.time_since_epoch().count()));
}

/// A Fingerprint of everything sitemap_entries() reads, taken without making the entries.
std::string sitemap_inputs(const Site& site) {
  Fingerprint fingerprint;
  fingerprint.add(site.config.base_url);
  for (const Document* document : site.documents) add_document_inputs(*document, fingerprint);
  for (const GroupKind& kind : kGroupKinds) {
    fingerprint.add(static_cast<std::int64_t>(site.data.find(kind.product) != nullptr));
    for (const Value& group : groups_of(site, kind.product))
      fingerprint.add(group.get_string("path"));
  }
  return fingerprint.add(static_cast<std::int64_t>(groups_of(site, "threads").empty())).hex();
}

}  // namespace

std::vector<SitemapEntry> sitemap_entries(const Site& site) {
  const SiteConfig& config = site.config;
  EntryList list;
  list.add(config.absolute_url(config.base_path()));
  for (const Document* document : site.documents)
    list.add(config.absolute_url(document_path(config, *document)),
             format_iso_date(document->date));
  add_group_pages(list, site);
  if (!groups_of(site, "threads").empty())
    list.add(config.absolute_url(config.url_of("/threads/")));
  list.add(config.absolute_url(config.base_path() + "archive/"));
  return list.take();
}

PartInfo SitemapRenderer::info() const {
  PartInfo info{"sitemap", Stage::render, {}, {"output.sitemap"}};
  for (const GroupKind& kind : kGroupKinds)
    info.wants.push_back("site." + std::string(kind.product));
  info.wants.push_back("site.threads");
  return info;
}

std::vector<PlannedOutput> SitemapRenderer::plan(const Site&) const {
  return {{"sitemap.xml", Value::object()}};
}

bool SitemapRenderer::fingerprint_planned(const Document& document,
                                          Fingerprint& fingerprint) const {
  add_document_inputs(document, fingerprint);
  return true;
}

std::string SitemapRenderer::render(const PlannedOutput&, const Site& site) const {
  return sitemap_xml(sitemap_entries(site));
}

PreparedOutput SitemapRenderer::prepare(const PlannedOutput& output, const Site& site) const {
  return {output.path, sitemap_inputs(site),
          [&site] { return sitemap_xml(sitemap_entries(site)); }};
}

}  // namespace digestif::plugins::sitemap
