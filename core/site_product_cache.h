// SiteProductCache: each site analyzer's products of the last build, kept with a fingerprint of
// what it read, so an analyzer whose inputs did not change is not run again; and its memo, for
// an analyzer that redoes only part of its work when they did.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/analyzer.h"
#include "core/diagnostic.h"
#include "core/value.h"

namespace digestif {

/// What one analyzer made: its products (site data key -> value) and what it reported.
struct SiteProducts {
  std::vector<std::pair<std::string, Value>> products;
  std::vector<Diagnostic> diagnostics;
};

/// What the last build's run of an analyzer left, under the same analysis setup.
struct SavedAnalysis {
  SharedBytes memo;  ///< see SiteAnalyzer::analyze_with_memo(); where the file is mapped
  std::optional<SiteProducts> products;  ///< when made from the same inputs
};

/// The products to keep: site data keys and where their values are.
using ProductRefs = std::vector<std::pair<std::string, const Value*>>;

/// One file per analyzer and analysis setup in a folder (.digestif/site/), replaced atomically;
/// of the other setups' files, an analyzer keeps the newest (`digestif build` and `digestif
/// serve` have setups of their own: each finds its analyses after the other ran). A missing,
/// damaged or outdated file is no error: the analyzer runs in full.
class SiteProductCache {
 public:
  SiteProductCache(std::filesystem::path folder, std::string setup)
      : folder_(std::move(folder)), setup_(std::move(setup)) {}
  /// What `analyzer` saved under this setup; its products only when they were made from inputs
  /// of fingerprint `inputs` (empty: unknown, never the same), and then its memo only when
  /// `memo_with_products` (a process that builds again keeps it for its next build).
  std::optional<SavedAnalysis> read(const std::string& analyzer, const std::string& inputs,
                                    bool memo_with_products = true) const;
  /// Keeps the memo and products for the next build; a file that cannot be written is skipped.
  void write(const std::string& analyzer, const std::string& inputs, std::string_view memo,
             const ProductRefs& products, const std::vector<Diagnostic>& diagnostics) const;

 private:
  std::filesystem::path file_of(const std::string& analyzer) const;
  /// Removes the analyzer's files of other setups but the newest.
  void forget_other_setups(const std::string& analyzer) const;
  std::filesystem::path folder_;
  std::string setup_;
};

}  // namespace digestif
