// Analyzers: per-document steps (structure, markup) and site-wide steps (tags, related, ...).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/document.h"
#include "core/fingerprint.h"
#include "core/part.h"
#include "core/shared_bytes.h"
#include "core/site.h"

namespace digestif {

/// Runs once per document, writing only what its info().produces names.
class DocumentAnalyzer : public Part {
 public:
  virtual void analyze(Document& document) const = 0;
};

/// A site analyzer's memo as an object (see SiteAnalyzer::analyze_with_live_memo): a process
/// that builds again keeps it between builds as it is, made into bytes only to be saved.
class LiveMemo {
 public:
  virtual ~LiveMemo() = default;
  /// The memo as saved: what the analyzer's analyze_with_memo() reads back.
  virtual std::string bytes() const = 0;
};

/// What a site analyzer's last run left for the next one: bytes as saved in .digestif/site/, or
/// the object itself while the process that made it goes on.
struct AnalyzerMemo {
  std::string bytes;  ///< the saved form; empty when `mapped` or `live` holds the memo
  /// The saved form where .digestif/site/ holds it (mapped, not copied: megabytes), or empty.
  SharedBytes mapped = {};
  std::unique_ptr<LiveMemo> live = {};  ///< the memo as its analyzer left it, or null
  /// The memo in its saved form.
  std::string saved() const {
    return live ? live->bytes() : mapped.view.empty() ? bytes : std::string(mapped.view);
  }
  /// The same, as a view: of `bytes` or `mapped`, or of `made`, where a live memo is made into
  /// bytes.
  std::string_view saved(std::string& made) const {
    if (live) return made = live->bytes();
    return mapped.view.empty() ? std::string_view(bytes) : mapped.view;
  }
  /// The saved form, shared (for an analyzer that keeps views into it): `mapped` as it is, else
  /// the bytes moved into a string. Leaves the memo empty.
  SharedBytes take_saved() {
    if (!mapped.view.empty()) return std::exchange(mapped, {});
    SharedBytes taken = SharedBytes::of(live ? live->bytes() : std::move(bytes));
    bytes = std::string();
    live.reset();
    return taken;
  }
  /// Keeps `run` as the memo, and frees the bytes it was made from.
  void keep_live(std::unique_ptr<LiveMemo> run) {
    bytes = std::string();
    mapped = {};
    live = std::move(run);
  }
};

/// Runs once per build after the documents are indexed, writing only Site::data[key] for each
/// "site.<key>" it produces (documents may be rendered meanwhile: never write to them).
///
/// Its products are kept for the next build (.digestif/site/), with what it read: the analysis
/// setup (site.yaml, the executable, plugin libraries), the products of other analyzers it
/// needs, and what fingerprint_document() adds for each published document, in site order. When
/// all of that is the same, the next build restores the products (and repeats the diagnostics
/// reported from the thread analyze() runs on) instead of calling analyze().
class SiteAnalyzer : public Part {
 public:
  virtual void analyze(Site& site) const = 0;
  /// Runs instead of analyze() for an analyzer that redoes only part of its work when few
  /// documents changed. `memo` holds what its last run left there, in its own format (see
  /// BinaryWriter), under the same analysis setup; empty when there is none. What it leaves in
  /// `memo` is kept for the next run. It must check the memo against the documents (and treat a
  /// damaged one as none). The default ignores it and calls analyze().
  virtual void analyze_with_memo(Site& site, std::string& memo) const {
    memo.clear();
    analyze(site);
  }
  /// What the core calls: like analyze_with_memo(), for an analyzer that may take its memo as
  /// the object its last run left in this process (AnalyzerMemo::live, which it must check is
  /// its own) and leave one, saving a process that builds again from encoding and decoding it
  /// each time. The default passes the memo's bytes to analyze_with_memo().
  virtual void analyze_with_live_memo(Site& site, AnalyzerMemo& memo) const {
    memo.bytes = memo.saved();
    memo.mapped = {};
    memo.live.reset();
    analyze_with_memo(site, memo.bytes);
  }
  /// Adds to `fingerprint` every part of `document` that analyze() reads; false when that
  /// cannot be told (analyze() then runs in every build). The default adds all the document is
  /// made from (Document::fingerprint), so any change to it means running again: override it to
  /// name only the fields read, e.g. fingerprint.add(document.permalink).add_members(...).
  virtual bool fingerprint_document(const Document& document, Fingerprint& fingerprint) const {
    if (document.fingerprint.empty()) return false;
    fingerprint.add(document.fingerprint);
    return true;
  }
};

}  // namespace digestif
