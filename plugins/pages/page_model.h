// The template context of each kind of page, built from documents and site data as Values.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "core/fingerprint.h"
#include "core/key_positions.h"
#include "core/site.h"

namespace digestif::plugins::pages {

/// The threads page (/threads/) lists at most this many threads, the best scored.
inline constexpr long kThreadsPageLimit = 500;

/// {title, description, base_url, base_path, language, author, generator, year, has_sections,
/// has_threads, has_trends}
Value site_value(const Site& site);
/// {title, url, kind, description, feeds: [{type, title, url}]}; a group's page (group_path
/// "tags/ai/") adds the group's own feeds.
Value page_value(const Site& site, const std::string& title, const std::string& url,
                 const std::string& kind, const std::string& group_path = {});
/// Every page's context to start with: {site: site_value(), page: page_value()}.
Value base_context(const Site& site, const std::string& title, const std::string& url,
                   const std::string& kind, const std::string& group_path = {});
/// A document as a link: title, heading, url, date, date_display, kind, is_digest, is_review
/// (what the archive, which lists every document, shows of each).
Value entry_link(const Document& document, const Site& site);
/// A document as shown in lists: entry_link plus description, tags, section, top thread, ...
Value entry_value(const Document& document, const Site& site);
/// A document's own page: entry_value plus html, threads (with their emotion label and link to
/// the threads page), review post, comments and outline (analysis_links.h), related documents,
/// emotion mix and statistics.
Value document_value(const Document& document, const Site& site);

/// What the site's pages of one build read of the site as a whole and of each published
/// document, computed once (SitePagesRenderer::plan()) instead of for each page.
struct PlannedInputs {
  /// What list pages show of a document: entry_inputs() and link_inputs().
  struct Listed {
    std::int64_t entry = 0, link = 0;
  };
  /// What a document shows of itself: link_inputs() and own_entry_inputs().
  struct Own {
    std::int64_t link = 0, own = 0;
  };
  std::string site;               ///< site_inputs()
  std::vector<Listed> documents;  ///< of each of Site::documents, at its position
  /// A group of a kind (core/document_groups.h) as planned: its value, and listed_positions()
  /// of it.
  struct Group {
    const Value* value = nullptr;
    const std::vector<std::size_t>* positions = nullptr;
  };
  /// Each group of each kind, by product then slug: found once, not for each of its pages.
  std::unordered_map<std::string_view, std::unordered_map<std::string_view, Group>> groups;
  /// Group::positions by a Fingerprint of Site::order and the group, kept from plan to plan
  /// (serve) while both are the same: a group's documents are found once, not at each plan.
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> positions;
  /// Own of each document with a Document::fingerprint, at its position in `own_by_fingerprint`:
  /// the same as long as it is, so a renderer that plans again (in `digestif serve`) takes it
  /// from its last plan.
  std::vector<Own> own;
  KeyPositions own_by_fingerprint;
};

/// A Fingerprint of site_value().
std::string site_inputs(const Site& site);
/// A Fingerprint of everything document_value() and site_value() read, for a document with a
/// Document::fingerprint: that fingerprint, the site's settings and the document's entries in
/// the site products (tags, thread index, related, review links) and what it shows of its related
/// documents. Cheaper than the context; cheaper still with the site_inputs() of this site.
std::string document_inputs(const Document& document, const Site& site,
                            const std::string& site_inputs_of_site);
std::string document_inputs(const Document& document, const Site& site);
/// Adds what entry_link() shows of a document (and the date site_value() takes from the newest).
void add_link_inputs(const Document& document, Fingerprint& fingerprint);
/// The same, on its own.
std::int64_t link_inputs(const Document& document);

/// Adds what entry_value() shows of the document itself: what entry_link() shows, the description
/// and the data entry_value() reads (not its tags: a site product's entry).
void add_own_entry_inputs(const Document& document, Fingerprint& fingerprint);
/// The part of that beyond link_inputs().
void add_entry_extras(const Document& document, Fingerprint& fingerprint);
/// The same with the tags entry, so a list page is rendered again only when an entry on it
/// changed.
std::int64_t entry_inputs(const Document& document, const Site& site);
/// The same, from what add_own_entry_inputs() adds (`own`) and site.data["document_tags"] (or
/// nullptr).
std::int64_t entry_inputs(const Document& document, std::int64_t own, const Value* document_tags);
/// What add_own_entry_inputs() adds, on its own.
std::int64_t own_entry_inputs(const Document& document);
/// {is_paginated, current, total, has_prev, prev_url, has_next, next_url}; page is 1-based.
Value pagination_value(const std::string& first_url, int page, int total);
/// The URL of page `page` of a list whose first page is `first_url`: first_url + "page/N/".
std::string page_url(const std::string& first_url, int page);
/// Root-relative URL with the base path: "/blog/2025/03/11/x/".
std::string url_of(const Site& site, const std::string& permalink);
/// Entries for documents[begin, end).
Value entries_value(const std::vector<const Document*>& documents, std::size_t begin,
                    std::size_t end, const Site& site);

}  // namespace digestif::plugins::pages
