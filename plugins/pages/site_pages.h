// SitePagesRenderer: the paginated home, group pages (tags, sections), their indexes, the
// archive, the threads and trends pages and the 404 page.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/plugin.h"
#include "plugins/pages/entry_cache.h"
#include "plugins/pages/page_model.h"
#include "plugins/pages/theme.h"

namespace digestif::plugins::pages {

/// Pages: index.html and page/N/; for each document group kind (core/document_groups.h)
/// produced by a plugin, a paginated page per group (template "tag", "section", ...) and an
/// index of the groups (template "tags", "sections", ... when the theme has it); archive/;
/// threads/ (template "threads", when site.threads exists and the theme has it: the
/// kThreadsPageLimit best-scored threads, each with the reviews that mention it); trends/
/// (template "trends", when site.trends exists and the theme has it: months, years and the
/// site's charts); 404.html. The first page of a tag also gets that tag's charts.
/// Each page is prepared as its template name and context; the context's Fingerprint is the
/// page's, so a page whose context did not change is not rendered again. The home, group and
/// archive pages are fingerprinted from their inputs instead (list_inputs(), and a list page's
/// entries: entry_inputs()), and their contexts are built only to render them.
class SitePagesRenderer : public Renderer {
 public:
  explicit SitePagesRenderer(std::shared_ptr<const Theme> theme) : theme_(std::move(theme)) {}
  PartInfo info() const override;
  std::vector<PlannedOutput> plan(const Site& site) const override;
  std::string render(const PlannedOutput& output, const Site& site) const override;
  PreparedOutput prepare(const PlannedOutput& output, const Site& site) const override;
  /// These pages show of a document what a list entry does (its tags come from a site
  /// product), and its link (archive).
  bool fingerprint_planned(const Document& document, Fingerprint& fingerprint) const override {
    add_own_entry_inputs(document, fingerprint);
    return true;
  }

 private:
  /// A page before rendering: its template and the context it is rendered with; a list page's
  /// context gets its "entries" (entries_value() of `entries`), or the archive's its "years"
  /// (`by_month`), only when it is rendered.
  struct Page {
    std::string template_name;
    Value context;
    std::vector<const Document*> entries = {};
    bool by_month = false;
  };
  /// Adds the page's entries to its context, unless they are there.
  void show_entries(Page& page, const Site& site) const;
  /// The page rendered with its entries.
  std::string rendered(Page& page, const Site& site) const;
  /// entries_value() of `documents`, each entry from entries_ when its inputs are known.
  Value entries_of(const std::vector<const Document*>& documents, const Site& site) const;
  PreparedOutput prepared(std::string path, Page page, const Site& site) const;
  Page site_page(const PlannedOutput& output, const Site& site) const;
  /// Fills planned_ with what list pages show of each document.
  void plan_documents(const Site& site) const;
  void plan_groups(const Site& site, std::vector<PlannedOutput>& outputs) const;
  Page home_page(const Site& site, int page) const;
  Page group_page(const Site& site, const Value& params) const;
  Page group_index_page(const Site& site, const std::string& product) const;
  Page archive_page(const Site& site) const;
  Page threads_page(const Site& site) const;
  Page trends_page(const Site& site) const;
  Page not_found_page(const Site& site) const;
  /// A list page: the documents it shows, out of `total`, and its pagination.
  Page list_page(const Site& site, std::string template_name, std::vector<const Document*> shown,
                 std::size_t total, const std::string& first_url, int page, Value context) const;
  std::size_t first_on_page(const Site& site, int page) const;
  /// The documents a home page, or a page of a group, shows.
  std::vector<const Document*> home_entries(const Site& site, int page) const;
  std::vector<const Document*> group_entries(const Site& site, const Value& group, int page) const;
  /// A Fingerprint of what a home, group or archive page is made from, taken without building
  /// its context: the site's settings, its place, its group, charts and what it shows of each
  /// document. nullopt for other pages, or when a shown document has no Document::fingerprint.
  std::optional<std::string> list_inputs(const PlannedOutput& output, const Site& site) const;
  /// A listed document's inputs: from those plan() computed for `site`, else afresh.
  PlannedInputs::Listed listed_inputs(const Document& document, const Site& site) const;
  /// listed_inputs() of the document at position `at` in Site::documents.
  PlannedInputs::Listed listed_at(std::size_t at, const Site& site) const;
  /// The group of `product` with `slug` (its value nullptr when there is none): from those
  /// plan() found for `site`, with its documents' positions (else nullptr).
  PlannedInputs::Group group_of(const Site& site, const std::string& product,
                                const std::string& slug) const;
  /// Fills planned_.groups, taking the positions of a group's documents from the last plan
  /// when the site's order and the group are the same.
  void plan_group_positions(const Site& site) const;
  /// The positions a page shows of a group's `positions` (listed_positions()), from `first`.
  static std::vector<std::size_t> page_of(const std::vector<std::size_t>& positions,
                                          std::size_t first, const Site& site);
  static std::size_t page_size(const Site& site);
  /// What plan() computed for `site`; nullptr when it planned another site.
  const PlannedInputs* planned_for(const Site& site) const;

  std::shared_ptr<const Theme> theme_;
  /// What the pages of the site last planned read, computed once by plan() on all cores (a
  /// document is listed on several pages: home, archive, its tags and section, related pages).
  mutable PlannedInputs planned_;
  mutable const Site* planned_site_ = nullptr;
  mutable std::uint64_t planned_build_ = 0;  // Site::build
  mutable bool planned_before_ = false;      // planned_.own is kept from the second plan on
  mutable EntryCache entries_;
};

}  // namespace digestif::plugins::pages
