// DocumentCache: records appended to pack files, found through one index per analysis setup.
#include "core/document_cache.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <set>

#include "core/binary_codec.h"
#include "core/build_log.h"
#include "core/file_write.h"
#include "core/fingerprint.h"
#include "core/mapped_file.h"
#include "core/once.h"
#include "core/spare_file.h"

namespace digestif {
namespace {

constexpr std::string_view kMagic = "digestif-document 8";
constexpr std::string_view kIndexMagic = "digestif-document-index 3";
constexpr std::uint32_t kJournal = UINT32_MAX;  // Entry::pack of a record in this build's journal
constexpr std::size_t kMaxPacks = 8;            // per index, the journal included

void put_strings(BinaryWriter& out, const std::vector<std::string>& strings) {
  out.put(std::uint64_t{strings.size()});
  for (const std::string& text : strings) out.put(std::string_view(text));
}

std::vector<std::string> get_strings(BinaryReader& in) {
  std::vector<std::string> strings;
  for (std::uint64_t count = in.number(); count > 0; --count) strings.push_back(in.text());
  return strings;
}

/// Data members this small are kept with the part of the record read at once (a list page
/// reads the heading of each document it lists, the archive all of them); larger ones go to the
/// part read only when asked.
constexpr std::size_t kSmallMember = 512;

/// Writes the document into `out`, except its HTML and large data members: those are appended
/// to `later`, the part of the record that a restored document reads only when asked.
void put_document(BinaryWriter& out, std::string& later, const Document& d) {
  for (const std::string* text : {&d.source, &d.source_stem, &d.kind, &d.title, &d.description,
                                  &d.slug, &d.permalink, &d.body})
    out.put(std::string_view(*text));
  out.put_signed(d.date.time_since_epoch().count());
  put_strings(out, d.tags);
  out.put(std::uint64_t{d.draft});
  out.put_signed(d.body_line);
  std::string front_matter;  // on its own: a restored document decodes it when a page shows it
  BinaryWriter(front_matter).put(d.front_matter);
  out.put(std::string_view(front_matter));
  const std::string& html = d.html.get();
  out.put(std::uint64_t{html.size()});
  later += html;
  const Value& data = d.data.get();
  out.put(std::uint64_t{data.size()});
  for (const auto& [name, member] : data.as_object()) {
    std::string bytes;
    BinaryWriter(bytes).put(member);
    out.put(std::string_view(name));
    out.put(Fingerprint::of(member));
    bool small = bytes.size() <= kSmallMember;
    out.put(std::uint64_t{small});
    if (small) {
      out.put(std::string_view(bytes));
    } else {
      out.put(std::uint64_t{bytes.size()});
      later += bytes;
    }
  }
}

std::uint64_t checksum(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

/// The part of a record read only when asked (the HTML and large data members), in its pack's
/// mapping; checked against its checksum on the first read.
class LaterPart {
 public:
  LaterPart(std::shared_ptr<const char> pack, std::string_view bytes, std::uint64_t sum,
            std::string origin)
      : pack_(std::move(pack)), bytes_(bytes), checksum_(sum), origin_(std::move(origin)) {}

  /// The next `size` bytes of the part, in the order they were written; throws DamagedData
  /// past its end.
  std::string_view take(std::uint64_t size) {
    if (size > bytes_.size() - taken_) throw DamagedData("a record's later part ends early");
    taken_ += size;
    return bytes_.substr(taken_ - size, size);
  }
  bool all_taken() const { return taken_ == bytes_.size(); }
  /// Throws when the part is no longer as it was written.
  void check() {
    checked_.call([this] {
      if (checksum(bytes_) != checksum_) throw damaged(origin_);
    });
  }
  const std::string& origin() const { return origin_; }

  static Error damaged(const std::string& origin) {
    return Error(origin, 0,
                 "its analysis in .digestif/documents/ no longer reads back; delete .digestif/ "
                 "and build again");
  }

 private:
  std::shared_ptr<const char> pack_;  // holds the mapping that bytes_ lies in
  std::string_view bytes_;
  std::uint64_t checksum_;
  std::string origin_;
  std::size_t taken_ = 0;
  Once checked_;
};

/// A data member's value; the record's checksums were checked, so it decodes unless the file
/// changed since.
Value decode_value(std::string_view bytes, const std::string& origin) {
  try {
    BinaryReader reader(bytes);
    Value value = reader.value();
    if (reader.at_end()) return value;
  } catch (const DamagedData&) {
  }
  throw LaterPart::damaged(origin);
}

/// Holds the bytes of a record read first (in the index's mapping), which its document's text
/// views point into.
using RecordBytes = std::shared_ptr<const void>;

/// The data members of a record, each decoded when first read.
DocumentData get_members(BinaryReader& in, const std::shared_ptr<LaterPart>& later,
                         const RecordBytes& record) {
  std::uint64_t count = in.number();
  if (count > in.remaining()) throw DamagedData("more members than bytes");
  std::vector<std::string> names;
  std::vector<std::uint64_t> hashes;
  std::vector<std::string_view> sources;  // in the record, or in the later part when large
  std::vector<bool> large;
  names.reserve(count);
  hashes.reserve(count);
  sources.reserve(count);
  for (; count > 0; --count) {
    names.push_back(in.text());
    hashes.push_back(in.number());
    large.push_back(in.number() == 0);
    sources.push_back(large.back() ? later->take(in.number()) : in.text_view());
  }
  // The function holds the record that the small members' views point into.
  return DocumentData::later(
      std::move(names),
      [later, record, sources = std::move(sources), large = std::move(large)](std::size_t i) {
        if (large[i]) later->check();
        return decode_value(sources[i], later->origin());
      },
      std::move(hashes));
}

/// The document of a record; its HTML and each member of its data are decoded when first read.
Document get_document(BinaryReader& in, const std::shared_ptr<LaterPart>& later,
                      const RecordBytes& record) {
  Document d;
  for (std::string* text : {&d.source, &d.source_stem, &d.kind, &d.title, &d.description, &d.slug,
                            &d.permalink, &d.body})
    *text = in.text();
  d.date = Timestamp(std::chrono::seconds(in.signed_number()));
  d.tags = get_strings(in);
  d.draft = in.number() != 0;
  d.body_line = static_cast<int>(in.signed_number());
  std::string_view front_matter = in.text_view();
  d.front_matter = Value::later(
      [front_matter, record, later] { return decode_value(front_matter, later->origin()); });
  std::string_view html = later->take(in.number());
  d.html = Deferred<std::string>::later([later, html] {
    later->check();
    return std::string(html);
  });
  d.data = get_members(in, later, record);
  if (!later->all_taken()) throw DamagedData("bytes left in a record's later part");
  return d;
}

/// Reads `size` bytes from `offset` into `into`; false when the file ends first or cannot be read.
bool read_at(int fd, char* into, std::size_t size, std::uint64_t offset) {
  for (std::size_t got = 0; got < size;) {
    ssize_t done = ::pread(fd, into + got, size - got, static_cast<off_t>(offset + got));
    if (done < 0 && errno == EINTR) continue;
    if (done <= 0) return false;
    got += static_cast<std::size_t>(done);
  }
  return true;
}

/// `pieces` under `path`, replacing the old file at once (never half written).
bool replace_file(const std::filesystem::path& path, std::span<const std::string_view> pieces) {
  try {
    replace_through_spare(path, pieces);
    return true;
  } catch (const Error&) {
    return false;
  }
}

/// An exclusive hold on the folder, while a journal is made or indexes and packs are replaced or
/// deleted; held() is false when the lock file cannot be made.
class FolderLock {
 public:
  explicit FolderLock(const std::filesystem::path& folder)
      : fd_(::open((folder / "lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    while (fd_ >= 0 && ::flock(fd_, LOCK_EX) != 0)
      if (errno != EINTR) {
        ::close(fd_);
        fd_ = -1;
      }
  }
  ~FolderLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  bool held() const { return fd_ >= 0; }

 private:
  int fd_;
};

/// True when no process writes to the pack any more: its journal lock is free.
bool abandoned(const std::filesystem::path& pack) {
  int fd = ::open(pack.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
  ::close(fd);
  return free;
}

bool is_pack_name(const std::string& name) {
  return name.size() > 5 && name.ends_with(".pack") &&
         std::filesystem::path(name).filename() == name;
}

/// The start of an index: what it is for and which packs it names.
struct IndexHeader {
  std::string setup;
  std::uint64_t written = 0;  // nanoseconds since the epoch
  std::vector<std::string> packs;
};

IndexHeader read_index_header(BinaryReader& in) {
  IndexHeader header;
  if (in.text() != kIndexMagic) throw DamagedData("not an index of documents");
  header.setup = in.text();
  header.written = in.number();
  header.packs = get_strings(in);
  for (const std::string& name : header.packs)
    if (!is_pack_name(name)) throw DamagedData("not a pack name");
  return header;
}

std::uint64_t nanoseconds_now() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(now).count());
}

}  // namespace

DocumentCache::DocumentCache(std::filesystem::path folder, std::string setup)
    : folder_(std::move(folder)), setup_(std::move(setup)) {
  load_index();
}

DocumentCache::~DocumentCache() {
  for (const Pack& pack : packs_)
    if (pack.fd >= 0) ::close(pack.fd);
  if (journal_.fd >= 0) ::close(journal_.fd);
}

std::filesystem::path DocumentCache::index_path() const {
  return folder_ / (Fingerprint().add(kIndexMagic).add(setup_).hex() + ".index");
}

void DocumentCache::load_index() {
  std::optional<MappedFile> index = MappedFile::open(index_path());
  if (!index) return;
  try {
    BinaryReader in(index->bytes());
    IndexHeader header = read_index_header(in);
    if (header.setup != setup_) return;
    for (std::string& name : header.packs) {
      Pack& pack = packs_.emplace_back();
      pack.name = std::move(name);
      pack.fd = ::open((folder_ / pack.name).c_str(), O_RDONLY | O_CLOEXEC);
      struct stat status;
      if (pack.fd >= 0 && ::fstat(pack.fd, &status) == 0)
        pack.size = static_cast<std::uint64_t>(status.st_size);
      pack.stamp = file_version(pack.fd);
      pack.bytes = MappedFile::map(pack.fd, pack.size).start();
    }
    for (Pack& pack : packs_)  // one not as it was indexed is no cache (cut short, replaced)
      if (in.text_view() != pack.stamp) pack.bytes = nullptr;
    std::vector<std::pair<Entry*, std::uint64_t>> heads;  // in the order of theirs that follow
    std::uint64_t heads_size = 0;
    for (std::uint64_t count = in.number(); count > 0; --count) {
      std::string origin = in.text();
      Entry entry;
      entry.version = in.text();
      std::uint64_t pack = in.number();
      entry.offset = in.number();
      entry.length = in.number();
      entry.read_first = in.number();
      entry.checksum = in.number();
      if (pack >= packs_.size()) throw DamagedData("a record in no pack");
      if (entry.read_first > in.remaining() - std::min(heads_size, in.remaining()))
        throw DamagedData("more bytes read first than the index holds");
      entry.pack = static_cast<std::uint32_t>(pack);
      Entry* kept = nullptr;
      if (packs_[entry.pack].bytes)
        kept = &entries_.insert_or_assign(std::move(origin), entry).first->second;
      heads.emplace_back(kept, entry.read_first);
      heads_size += entry.read_first;
    }
    std::string_view all_heads = in.text_view();
    if (all_heads.size() != heads_size) throw DamagedData("the records' heads do not add up");
    for (auto [entry, size] : heads) {
      if (entry != nullptr) entry->head = all_heads.substr(0, size);
      all_heads.remove_prefix(size);
    }
    if (!in.at_end()) throw DamagedData("bytes after the index");
    index_bytes_ = index->start();
  } catch (const DamagedData&) {
    entries_.clear();
  }
}

const DocumentCache::Entry* DocumentCache::entry_of(const std::string& origin,
                                                    const std::string& version) const {
  auto it = entries_.find(origin);
  return !version.empty() && it != entries_.end() && it->second.version == version ? &it->second
                                                                                   : nullptr;
}

bool DocumentCache::has(const std::string& origin, const std::string& version) const {
  return entry_of(origin, version) != nullptr;
}

bool DocumentCache::read_record(const Entry& entry, std::string& bytes) const {
  const Pack& pack = packs_[entry.pack];
  if (entry.offset > pack.size || entry.length > pack.size - entry.offset) return false;
  if (entry.read_first > entry.length) return false;
  bytes.resize(static_cast<std::size_t>(entry.length));
  return read_at(pack.fd, bytes.data(), bytes.size(), entry.offset) &&
         checksum(std::string_view(bytes).substr(0, entry.read_first)) == entry.checksum;
}

std::optional<CachedDocument> DocumentCache::read(const std::string& origin,
                                                  const std::string& version) const {
  const Entry* found = entry_of(origin, version);
  if (found == nullptr) return std::nullopt;
  const Entry& entry = *found;
  // The index holds the heads one after the other: a restore faults in few pages, and reads none
  // of the pack (a page of it for each record) until the rest of the record is asked for.
  if (checksum(entry.head) != entry.checksum) return std::nullopt;
  const Pack& pack = packs_[entry.pack];
  if (entry.offset > pack.size || entry.length > pack.size - entry.offset ||
      entry.read_first > entry.length)
    return std::nullopt;
  std::string_view later_bytes(pack.bytes.get() + entry.offset + entry.read_first,
                               entry.length - entry.read_first);
  try {
    BinaryReader in(entry.head);
    if (in.text_view() != kMagic || in.text_view() != setup_ || in.text_view() != origin ||
        in.text_view() != version)
      return std::nullopt;
    CachedDocument cached;
    cached.version = version;
    cached.diagnostics = get_diagnostics(in);
    cached.reads.resize(in.number());
    for (std::uint64_t& read : cached.reads) read = in.number();
    auto later = std::make_shared<LaterPart>(pack.bytes, later_bytes, in.number(), origin);
    cached.document = get_document(in, later, index_bytes_);
    if (!in.at_end()) return std::nullopt;
    return cached;
  } catch (const DamagedData&) {
    return std::nullopt;
  }
}

bool DocumentCache::open_journal() {
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  // Made and locked under the folder lock, so no finishing build takes it for abandoned.
  FolderLock lock(folder_);
  if (!lock.held()) return false;
  auto now = static_cast<std::int64_t>(nanoseconds_now());
  for (std::int64_t attempt = 0; attempt < 8; ++attempt) {
    std::string name =
        Fingerprint().add(std::int64_t{::getpid()}).add(now).add(attempt).hex() + ".pack";
    int fd = ::open((folder_ / name).c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST) continue;
    if (fd < 0) return false;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      return false;
    }
    journal_ = {std::move(name), fd, 0, nullptr};
    return true;
  }
  return false;
}

std::optional<DocumentCache::Entry> DocumentCache::append(const std::string& version,
                                                          std::string_view record,
                                                          std::uint64_t read_first) {
  if (journal_.fd < 0 && (journal_failed_ || !open_journal())) {
    journal_failed_ = true;
    return std::nullopt;
  }
  // A record written in part is overwritten by the next one; no entry points at it.
  if (!write_all(journal_.fd, record, journal_.size)) return std::nullopt;
  Entry entry{version,
              kJournal,
              journal_.size,
              record.size(),
              read_first,
              checksum(record.substr(0, read_first)),
              {}};
  journal_.size += record.size();
  return entry;
}

void DocumentCache::write(const std::string& origin, const std::string& version,
                          const Document& document, const std::vector<Diagnostic>& diagnostics,
                          const std::vector<std::uint64_t>& reads) {
  if (version.empty()) return;
  std::string bytes;
  BinaryWriter out(bytes);
  for (std::string_view text :
       {kMagic, std::string_view(setup_), std::string_view(origin), std::string_view(version)})
    out.put(text);
  put_diagnostics(out, diagnostics);
  out.put(std::uint64_t{reads.size()});
  for (std::uint64_t read : reads) out.put(read);
  std::string document_bytes, later;
  BinaryWriter document_out(document_bytes);
  put_document(document_out, later, document);
  out.put(checksum(later));
  bytes += document_bytes;
  std::uint64_t read_first = bytes.size();
  bytes += later;
  std::lock_guard lock(journal_mutex_);
  if (std::optional<Entry> entry = append(version, bytes, read_first))
    written_.insert_or_assign(origin, *entry);
}

std::map<std::string, DocumentCache::Entry> DocumentCache::compact(
    std::map<std::string, Entry> entries) {
  std::vector<std::uint64_t> live(packs_.size());
  for (const auto& [origin, entry] : entries)
    if (entry.pack != kJournal) live[entry.pack] += entry.length;
  std::vector<bool> moved(packs_.size());
  std::vector<std::uint32_t> kept;  // packs in use, not compacted
  for (std::uint32_t pack = 0; pack < packs_.size(); ++pack) {
    if (live[pack] == 0) continue;
    if (live[pack] * 2 < packs_[pack].size)
      moved[pack] = true;
    else
      kept.push_back(pack);
  }
  std::lock_guard lock(journal_mutex_);
  bool journal = journal_.fd >= 0 || std::find(moved.begin(), moved.end(), true) != moved.end();
  std::sort(kept.begin(), kept.end(),
            [this](std::uint32_t a, std::uint32_t b) { return packs_[a].size > packs_[b].size; });
  for (; kept.size() + (journal ? 1 : 0) > kMaxPacks; kept.pop_back()) {
    moved[kept.back()] = true;  // the smallest
    journal = true;
  }
  std::string bytes;
  for (auto it = entries.begin(); it != entries.end();) {
    Entry& entry = it->second;
    if (entry.pack == kJournal || !moved[entry.pack]) {
      ++it;
      continue;
    }
    std::optional<Entry> copy =
        read_record(entry, bytes) ? append(entry.version, bytes, entry.read_first) : std::nullopt;
    if (copy) {
      copy->head = entry.head;
      entry = std::move(*copy);
      ++it;
    } else {
      it = entries.erase(it);
    }
  }
  return entries;
}

bool DocumentCache::write_index(std::map<std::string, Entry> entries) {
  // The heads of this build's records are read from the journal, each alone: a mapping would
  // fault in the whole journal around them (a cold build's: 20 KiB a document).
  std::uint64_t journal_heads = 0;
  for (const auto& [origin, entry] : entries)
    if (entry.head.empty()) journal_heads += entry.read_first;
  std::string heads(static_cast<std::size_t>(journal_heads), '\0');
  std::size_t at = 0;
  for (auto it = entries.begin(); it != entries.end();) {
    Entry& entry = it->second;
    if (entry.head.empty() && entry.pack == kJournal) {
      auto size = static_cast<std::size_t>(entry.read_first);
      if (read_at(journal_.fd, heads.data() + at, size, entry.offset))
        entry.head = std::string_view(heads).substr(at, size);
      at += size;
    }
    it = entry.head.size() == entry.read_first ? std::next(it) : entries.erase(it);
  }
  std::vector<std::uint32_t> number(packs_.size(), kJournal);  // pack -> in the new index
  std::uint32_t journal_number = kJournal;
  std::vector<std::string> names;
  std::vector<std::string> stamps;
  auto renumber = [&](std::uint32_t pack) {
    std::uint32_t& to = pack == kJournal ? journal_number : number[pack];
    if (to == kJournal) {
      to = static_cast<std::uint32_t>(names.size());
      const Pack& named = pack == kJournal ? journal_ : packs_[pack];
      names.push_back(named.name);
      stamps.push_back(pack == kJournal ? file_version(journal_.fd) : named.stamp);
    }
    return to;
  };
  std::vector<std::uint32_t> numbers;
  numbers.reserve(entries.size());
  for (const auto& [origin, entry] : entries) numbers.push_back(renumber(entry.pack));
  std::string bytes;
  BinaryWriter out(bytes);
  out.put(kIndexMagic);
  out.put(std::string_view(setup_));
  out.put(nanoseconds_now());
  put_strings(out, names);
  for (const std::string& stamp : stamps) out.put(std::string_view(stamp));
  out.put(std::uint64_t{entries.size()});
  auto pack = numbers.begin();
  std::vector<std::string_view> pieces{{}};  // the entries, then their heads one after the other
  std::uint64_t heads_size = 0;
  for (const auto& [origin, entry] : entries) {
    out.put(std::string_view(origin));
    out.put(std::string_view(entry.version));
    out.put(std::uint64_t{*pack++});
    out.put(entry.offset);
    out.put(entry.length);
    out.put(entry.read_first);
    out.put(entry.checksum);
    pieces.push_back(entry.head);
    heads_size += entry.head.size();
  }
  out.put(heads_size);
  pieces.front() = bytes;
  return replace_file(index_path(), pieces);
}

void DocumentCache::remove_unused_files() const {
  namespace fs = std::filesystem;
  std::vector<std::pair<IndexHeader, fs::path>> others;  // indexes of other setups
  std::set<std::string> used;                            // packs named by the indexes kept
  std::vector<fs::path> packs, strays;
  std::error_code ec;
  for (auto it = fs::directory_iterator(folder_, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const fs::path& path = it->path();
    std::string name = path.filename().string();
    if (name == "lock") continue;
    if (is_spare_name(name)) {  // kept while its index is
      if (!fs::exists(folder_ / std::string(spared_name(name)), ec)) fs::remove(path, ec);
      continue;
    }
    if (is_pack_name(name)) {
      packs.push_back(path);
      continue;
    }
    std::optional<MappedFile> index;
    if (path.extension() == ".index") index = MappedFile::open(path);
    try {
      if (!index) throw DamagedData("not an index");
      BinaryReader in(index->bytes());
      IndexHeader header = read_index_header(in);
      if (path == index_path())
        used.insert(header.packs.begin(), header.packs.end());
      else
        others.emplace_back(std::move(header), path);
    } catch (const DamagedData&) {
      strays.push_back(path);  // temporary files cut short, the one-file-per-document cache
    }
  }
  auto latest = std::max_element(others.begin(), others.end(), [](const auto& a, const auto& b) {
    return a.first.written < b.first.written;
  });
  for (auto other = others.begin(); other != others.end(); ++other)
    if (other == latest)
      used.insert(other->first.packs.begin(), other->first.packs.end());
    else
      strays.push_back(other->second);
  for (const fs::path& pack : packs)
    if (used.count(pack.filename().string()) == 0 && abandoned(pack)) fs::remove(pack, ec);
  for (const fs::path& stray : strays) {
    fs::remove_all(stray, ec);
    fs::remove(spare_of(stray), ec);
  }
}

void DocumentCache::finish(const std::vector<std::pair<std::string, std::string>>& current) {
  std::map<std::string, Entry> entries;
  {
    std::lock_guard lock(journal_mutex_);
    for (const auto& [origin, version] : current) {
      if (auto it = written_.find(origin); it != written_.end() && it->second.version == version)
        entries.emplace(origin, it->second);
      else if (has(origin, version))
        entries.emplace(origin, entries_.at(origin));
    }
  }
  entries = compact(std::move(entries));
  std::error_code ec;
  std::filesystem::create_directories(folder_, ec);
  FolderLock lock(folder_);
  if (!lock.held()) return;
  bool indexed = write_index(std::move(entries));
  std::lock_guard journal_lock(journal_mutex_);
  if (journal_.fd >= 0 && !indexed) std::filesystem::remove(folder_ / journal_.name, ec);
  if (journal_.fd >= 0) ::close(journal_.fd);  // releases its lock: the index names it now
  journal_.fd = -1;
  remove_unused_files();
}

}  // namespace digestif
