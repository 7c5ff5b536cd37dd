// SiteProductCache: each site analyzer's products of the last build, kept with a fingerprint of
// what it read, so an analyzer whose inputs did not change is not run again.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/diagnostic.h"
#include "core/value.h"

namespace digestif {

/// What one analyzer made: its products (site data key -> value) and what it reported.
struct SiteProducts {
  std::vector<std::pair<std::string, Value>> products;
  std::vector<Diagnostic> diagnostics;
};

/// The products to keep: site data keys and where their values are.
using ProductRefs = std::vector<std::pair<std::string, const Value*>>;

/// One file per analyzer in a folder (.digestif/site/), replaced atomically. A missing,
/// damaged or outdated file is no error: the analyzer runs.
class SiteProductCache {
 public:
  explicit SiteProductCache(std::filesystem::path folder) : folder_(std::move(folder)) {}
  /// The products `analyzer` saved from inputs of fingerprint `inputs`; nullopt if none.
  std::optional<SiteProducts> read(const std::string& analyzer, const std::string& inputs) const;
  /// Keeps the products for the next build; a file that cannot be written is skipped.
  void write(const std::string& analyzer, const std::string& inputs, const ProductRefs& products,
             const std::vector<Diagnostic>& diagnostics) const;

 private:
  std::filesystem::path file_of(const std::string& analyzer) const;
  std::filesystem::path folder_;
};

}  // namespace digestif
