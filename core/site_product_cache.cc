// SiteProductCache: a header (format, analyzer, input fingerprint), diagnostics, then products.
#include "core/site_product_cache.h"

#include "core/binary_codec.h"
#include "core/output_writer.h"
#include "core/slug.h"

namespace digestif {
namespace {

constexpr std::string_view kMagic = "digestif-site-products 1";

}  // namespace

std::filesystem::path SiteProductCache::file_of(const std::string& analyzer) const {
  return folder_ / (slugify(analyzer) + ".products");
}

std::optional<SiteProducts> SiteProductCache::read(const std::string& analyzer,
                                                   const std::string& inputs) const {
  std::optional<std::string> bytes = read_whole(file_of(analyzer));
  if (!bytes) return std::nullopt;
  try {
    BinaryReader in(*bytes);
    if (in.text() != kMagic || in.text() != analyzer || in.text() != inputs) return std::nullopt;
    SiteProducts saved;
    saved.diagnostics = get_diagnostics(in);
    for (std::uint64_t count = in.number(); count > 0; --count) {
      std::string key = in.text();
      saved.products.emplace_back(std::move(key), in.value());
    }
    if (!in.at_end()) return std::nullopt;
    return saved;
  } catch (const DamagedData&) {
    return std::nullopt;
  }
}

void SiteProductCache::write(const std::string& analyzer, const std::string& inputs,
                             const ProductRefs& products,
                             const std::vector<Diagnostic>& diagnostics) const {
  std::string bytes;
  BinaryWriter out(bytes);
  out.put(kMagic);
  out.put(std::string_view(analyzer));
  out.put(std::string_view(inputs));
  put_diagnostics(out, diagnostics);
  out.put(std::uint64_t{products.size()});
  for (const auto& [key, value] : products) {
    out.put(std::string_view(key));
    out.put(*value);
  }
  try {
    write_file_atomically(file_of(analyzer), bytes);
  } catch (const Error&) {
    // The next build runs the analyzer again.
  }
}

}  // namespace digestif
