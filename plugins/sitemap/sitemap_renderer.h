// SitemapRenderer: sitemap.xml in the sitemaps.org format.
#pragma once

#include <string>
#include <vector>

#include "core/plugin.h"

namespace digestif::plugins::sitemap {

/// The sitemaps.org namespace of <urlset>.
inline constexpr const char* kSitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

/// One page of the sitemap: its absolute URL and, for documents, its date (YYYY-MM-DD).
struct SitemapEntry {
  std::string loc;
  std::string lastmod;  ///< empty when unknown
};

/// The pages sitemap.xml lists, in order and without repeats: the home page, every document
/// (newest first), the tag index, each tag page and the archive.
std::vector<SitemapEntry> sitemap_entries(const Site& site);

/// Writes sitemap.xml: a <urlset> with one <url> per page, absolute URLs only.
class SitemapRenderer : public Renderer {
 public:
  explicit SitemapRenderer(PluginContext context) : context_(std::move(context)) {}
  PartInfo info() const override;
  /// A single output, "sitemap.xml".
  std::vector<PlannedOutput> plan(const Site& site) const override;
  /// sitemap.xml shows of a document its URL and date.
  bool fingerprint_planned(const Document& document, Fingerprint& fingerprint) const override;
  /// The bytes of sitemap.xml.
  std::string render(const PlannedOutput& output, const Site& site) const override;
  /// sitemap.xml, fingerprinted by its entries: drawn again only when a page comes, goes or
  /// changes its date.
  PreparedOutput prepare(const PlannedOutput& output, const Site& site) const override;

 private:
  PluginContext context_;
};

}  // namespace digestif::plugins::sitemap
