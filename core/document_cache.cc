// DocumentCache: one file per document (format, setup, origin, version, diagnostics, document).
#include "core/document_cache.h"

#include <cstdio>

#include "core/binary_codec.h"
#include "core/fingerprint.h"

namespace digestif {
namespace {

constexpr std::string_view kMagic = "digestif-document 1";

void put_strings(BinaryWriter& out, const std::vector<std::string>& strings) {
  out.put(std::uint64_t{strings.size()});
  for (const std::string& text : strings) out.put(std::string_view(text));
}

std::vector<std::string> get_strings(BinaryReader& in) {
  std::vector<std::string> strings;
  for (std::uint64_t count = in.number(); count > 0; --count) strings.push_back(in.text());
  return strings;
}

void put_document(BinaryWriter& out, const Document& d) {
  for (const std::string* text : {&d.source, &d.source_stem, &d.kind, &d.title, &d.description,
                                  &d.slug, &d.permalink, &d.body, &d.html})
    out.put(std::string_view(*text));
  out.put(static_cast<std::uint64_t>(d.date.time_since_epoch().count()));
  put_strings(out, d.tags);
  out.put(std::uint64_t{d.draft});
  out.put(static_cast<std::uint64_t>(d.body_line));
  out.put(d.front_matter);
  out.put(d.data);
}

Document get_document(BinaryReader& in) {
  Document d;
  for (std::string* text : {&d.source, &d.source_stem, &d.kind, &d.title, &d.description, &d.slug,
                            &d.permalink, &d.body, &d.html})
    *text = in.text();
  d.date = Timestamp(std::chrono::seconds(static_cast<std::int64_t>(in.number())));
  d.tags = get_strings(in);
  d.draft = in.number() != 0;
  d.body_line = static_cast<int>(in.number());
  d.front_matter = in.value();
  d.data = in.value();
  return d;
}

void put_diagnostics(BinaryWriter& out, const std::vector<Diagnostic>& diagnostics) {
  out.put(std::uint64_t{diagnostics.size()});
  for (const Diagnostic& d : diagnostics) {
    out.put(std::uint64_t{d.severity == Severity::warning});
    out.put(std::string_view(d.file));
    out.put(static_cast<std::uint64_t>(d.line));
    out.put(std::string_view(d.message));
  }
}

std::vector<Diagnostic> get_diagnostics(BinaryReader& in) {
  std::vector<Diagnostic> diagnostics;
  for (std::uint64_t count = in.number(); count > 0; --count) {
    Diagnostic& d = diagnostics.emplace_back();
    d.severity = in.number() != 0 ? Severity::warning : Severity::error;
    d.file = in.text();
    d.line = static_cast<int>(in.number());
    d.message = in.text();
  }
  return diagnostics;
}

/// The whole file, or nullopt when it cannot be read.
std::optional<std::string> read_whole(const std::filesystem::path& file) {
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (in == nullptr) return std::nullopt;
  std::string bytes;
  char chunk[1 << 16];
  for (std::size_t got; (got = std::fread(chunk, 1, sizeof chunk, in)) > 0;)
    bytes.append(chunk, got);
  bool failed = std::ferror(in) != 0;
  std::fclose(in);
  if (failed) return std::nullopt;
  return bytes;
}

}  // namespace

DocumentCache::DocumentCache(std::filesystem::path folder, std::string setup)
    : folder_(std::move(folder)), setup_(std::move(setup)) {
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(folder_, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
    present_.insert(it->path().filename().string());
}

std::string DocumentCache::file_name(const std::string& origin, const std::string& version) const {
  return Fingerprint().add(kMagic).add(setup_).add(origin).add(version).hex() + ".document";
}

bool DocumentCache::has(const std::string& origin, const std::string& version) const {
  return !version.empty() && present_.count(file_name(origin, version)) != 0;
}

std::optional<CachedDocument> DocumentCache::read(const std::string& origin,
                                                  const std::string& version) const {
  std::optional<std::string> bytes = read_whole(folder_ / file_name(origin, version));
  if (!bytes) return std::nullopt;
  try {
    BinaryReader in(*bytes);
    if (in.text() != kMagic || in.text() != setup_ || in.text() != origin || in.text() != version)
      return std::nullopt;
    CachedDocument entry;
    entry.version = version;
    entry.diagnostics = get_diagnostics(in);
    entry.document = get_document(in);
    if (!in.at_end()) return std::nullopt;
    return entry;
  } catch (const DamagedData&) {
    return std::nullopt;
  }
}

void DocumentCache::write(const std::string& origin, const std::string& version,
                          const Document& document,
                          const std::vector<Diagnostic>& diagnostics) const {
  if (version.empty()) return;
  std::string bytes;
  BinaryWriter out(bytes);
  for (std::string_view text :
       {kMagic, std::string_view(setup_), std::string_view(origin), std::string_view(version)})
    out.put(text);
  put_diagnostics(out, diagnostics);
  put_document(out, document);
  // Written in place, not through a temporary file: a file cut short is seen as damaged when
  // read, and the document is analyzed again. One that cannot be written only costs time.
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  std::FILE* file = std::fopen((folder_ / file_name(origin, version)).c_str(), "wb");
  if (file == nullptr) return;
  std::fwrite(bytes.data(), 1, bytes.size(), file);
  std::fclose(file);
}

void DocumentCache::remove_all_but(
    const std::vector<std::pair<std::string, std::string>>& current) const {
  std::set<std::string> keep;
  for (const auto& [origin, version] : current) keep.insert(file_name(origin, version));
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(folder_, ec);
       !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
    if (keep.count(it->path().filename().string()) == 0) std::filesystem::remove(it->path(), ec);
}

std::optional<CachedDocument> DocumentMemory::take(const std::string& setup,
                                                   const std::string& origin,
                                                   const std::string& version) {
  auto it = entries_.find(origin);
  if (setup != setup_ || it == entries_.end() || it->second.version != version) return std::nullopt;
  CachedDocument entry = std::move(it->second);
  entries_.erase(it);
  return entry;
}

void DocumentMemory::reset(const std::string& setup) {
  setup_ = setup;
  filled_ = true;
  entries_.clear();
}

void DocumentMemory::keep(std::string origin, CachedDocument entry) {
  entries_.insert_or_assign(std::move(origin), std::move(entry));
}

}  // namespace digestif
