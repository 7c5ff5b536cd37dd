// SiteProductCache: a header (format, analyzer, setup, input fingerprint), the memo, then the
// diagnostics and products.
#include "core/site_product_cache.h"

#include <algorithm>

#include "core/binary_codec.h"
#include "core/fingerprint.h"
#include "core/mapped_file.h"
#include "core/slug.h"
#include "core/spare_file.h"

namespace digestif {
namespace {

constexpr std::string_view kMagic =
    "digestif-site-products 6";  // file: <analyzer>.<setup>.products
/// Parts of products this large are decoded only when a build reads them: a build after a small
/// edit reads few of them (the related posts of a few documents, the charts of a few tags).
constexpr std::size_t kLaterFrom = 128;

SiteProducts read_products(BinaryReader& in) {
  SiteProducts saved;
  saved.diagnostics = get_diagnostics(in);
  for (std::uint64_t count = in.number(); count > 0; --count) {
    std::string key = in.text();
    saved.products.emplace_back(std::move(key), in.value());
  }
  if (!in.at_end()) throw DamagedData("bytes after the products");
  return saved;
}

/// Where the parts of the products in a file of this format lie; none when it does not read.
EncodedParts parts_in(std::string_view file) {
  EncodedParts parts;
  try {
    BinaryReader in(file);
    if (in.text_view() != kMagic) return {};
    for (int skipped = 0; skipped < 4; ++skipped) in.text_view();  // analyzer, setup, inputs, memo
    get_diagnostics(in);
    for (std::uint64_t count = in.number(); count > 0; --count) {
      in.text_view();
      in.note_parts(parts);
    }
  } catch (const DamagedData&) {
    return {};
  }
  return parts;
}

}  // namespace

std::filesystem::path SiteProductCache::file_of(const std::string& analyzer) const {
  return folder_ / (slugify(analyzer) + "." + Fingerprint().add(setup_).hex() + ".products");
}

void SiteProductCache::forget_other_setups(const std::string& analyzer) const {
  std::string prefix = slugify(analyzer) + ".", own = file_of(analyzer).filename().string();
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> others;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(folder_, ec)) {
    std::string name = entry.path().filename().string();
    if (name != own && name.rfind(prefix, 0) == 0 && name.ends_with(".products"))
      others.emplace_back(entry.last_write_time(ec), entry.path());
  }
  std::sort(others.begin(), others.end());
  if (!others.empty()) others.pop_back();  // the newest: the other command's (build, serve)
  for (const auto& [time, path] : others) remove_with_spare(path);
}

std::optional<SavedAnalysis> SiteProductCache::read(const std::string& analyzer,
                                                    const std::string& inputs,
                                                    bool memo_with_products) const {
  std::filesystem::path path = file_of(analyzer);
  std::optional<MappedFile> file = MappedFile::open(path);
  if (!file) return std::nullopt;
  try {
    auto lasting = std::make_shared<const LastingBytes>(LastingBytes{file->start(), path});
    BinaryReader in(file->bytes(), std::move(lasting));
    if (in.text_view() != kMagic || in.text_view() != analyzer || in.text_view() != setup_)
      return std::nullopt;
    bool same_inputs = in.text_view() == inputs && !inputs.empty();
    SavedAnalysis saved;
    std::string_view memo = in.text_view();
    if (!same_inputs || memo_with_products) saved.memo = {memo, file->start()};
    if (same_inputs) saved.products = read_products(in);
    return saved;
  } catch (const DamagedData&) {
    return std::nullopt;
  }
}

void SiteProductCache::write(const std::string& analyzer, const std::string& inputs,
                             std::string_view memo, const ProductRefs& products,
                             const std::vector<Diagnostic>& diagnostics) const {
  // The memo (megabytes) is written from where it is: a header, the memo, then the products.
  std::string head;
  BinaryWriter head_out(head);
  for (std::string_view text :
       {kMagic, std::string_view(analyzer), std::string_view(setup_), std::string_view(inputs)})
    head_out.put(text);
  head_out.put(std::uint64_t{memo.size()});
  // The parts that did not change since the last file are copied from it, not encoded again.
  std::optional<MappedFile> last = MappedFile::open(file_of(analyzer));
  EncodedParts encoded = last ? parts_in(last->bytes()) : EncodedParts();
  std::string bytes;
  if (last && last->bytes().size() > memo.size())  // about as large as the last time
    bytes.reserve((last->bytes().size() - memo.size()) * 9 / 8);
  BinaryWriter out(bytes, kLaterFrom, &encoded);
  put_diagnostics(out, diagnostics);
  out.put(std::uint64_t{products.size()});
  for (const auto& [key, value] : products) {
    out.put(std::string_view(key));
    out.put(*value);
  }
  try {
    std::string_view pieces[] = {head, memo, bytes};
    replace_through_spare(file_of(analyzer), pieces);
    forget_other_setups(analyzer);
  } catch (const Error&) {
    // The next build runs the analyzer in full.
  }
}

}  // namespace digestif
