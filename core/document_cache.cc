// DocumentCache: a header (format, setup), then one record per document.
#include "core/document_cache.h"

#include "core/binary_codec.h"

namespace digestif {
namespace {

constexpr std::string_view kMagic = "digestif-documents 1";

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

std::string read_whole(const std::filesystem::path& file) {
  std::string bytes;
  std::FILE* in = std::fopen(file.c_str(), "rb");
  if (in == nullptr) return bytes;
  char chunk[1 << 16];
  for (std::size_t got; (got = std::fread(chunk, 1, sizeof chunk, in)) > 0;)
    bytes.append(chunk, got);
  std::fclose(in);
  return bytes;
}

}  // namespace

DocumentCache DocumentCache::load(const std::filesystem::path& file, const std::string& setup) {
  DocumentCache cache;
  std::string bytes = read_whole(file);
  try {
    BinaryReader in(bytes);
    if (in.text() != kMagic || in.text() != setup) return cache;
    while (!in.at_end()) {
      std::string origin = in.text();
      CachedDocument entry;
      entry.version = in.text();
      entry.diagnostics = get_diagnostics(in);
      entry.document = get_document(in);
      cache.entries_.insert_or_assign(std::move(origin), std::move(entry));
    }
  } catch (const DamagedData&) {
    cache.entries_.clear();  // a damaged cache is no cache: every document is analyzed again
  }
  return cache;
}

std::optional<CachedDocument> DocumentCache::take(const std::string& origin,
                                                  const std::string& version) {
  auto it = entries_.find(origin);
  if (it == entries_.end() || version.empty() || it->second.version != version) return std::nullopt;
  CachedDocument entry = std::move(it->second);
  entries_.erase(it);
  return entry;
}

DocumentCacheWriter::DocumentCacheWriter(std::filesystem::path file, const std::string& setup)
    : file_(std::move(file)), temporary_(file_.string() + ".tmp") {
  std::error_code ec;
  std::filesystem::create_directories(file_.parent_path(), ec);
  out_ = std::fopen(temporary_.c_str(), "wb");
  BinaryWriter header(buffer_);
  header.put(kMagic);
  header.put(std::string_view(setup));
}

DocumentCacheWriter::~DocumentCacheWriter() {
  if (out_ == nullptr) return;
  std::fclose(out_);
  std::error_code ec;
  std::filesystem::remove(temporary_, ec);
}

void DocumentCacheWriter::add(const std::string& origin, const std::string& version,
                              const Document& document,
                              const std::vector<Diagnostic>& diagnostics) {
  BinaryWriter out(buffer_);
  out.put(std::string_view(origin));
  out.put(std::string_view(version));
  put_diagnostics(out, diagnostics);
  put_document(out, document);
  if (buffer_.size() > (1 << 20)) flush();
}

void DocumentCacheWriter::flush() {
  if (out_ != nullptr && std::fwrite(buffer_.data(), 1, buffer_.size(), out_) != buffer_.size()) {
    std::fclose(out_);
    out_ = nullptr;
  }
  buffer_.clear();
}

void DocumentCacheWriter::commit() {
  flush();
  bool written = out_ != nullptr && std::fclose(out_) == 0;
  out_ = nullptr;
  std::error_code ec;
  if (written) std::filesystem::rename(temporary_, file_, ec);
  if (!written || ec) {
    std::filesystem::remove(temporary_, ec);
    throw Error(file_.string(), 0,
                "could not write the document cache; check the disk space and the permissions of "
                ".digestif/");
  }
}

}  // namespace digestif
