// DocumentCache: the analyzed documents of the last build, so an unchanged input is not parsed
// and analyzed again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "core/document.h"

namespace digestif {

/// A document as its parse and document analyzers left it, with what they reported.
struct CachedDocument {
  std::string version;  ///< SourceItem::version of the input it was made from
  Document document;
  std::vector<Diagnostic> diagnostics;
  /// What each site analyzer reads of the document (SiteAnalyzer::fingerprint_document), then
  /// what each renderer shows of it (Renderer::fingerprint_listed, then fingerprint_planned): a
  /// Fingerprint value each, 0 where that cannot be told.
  std::vector<std::uint64_t> reads = {};
};

/// The analyzed documents in a folder (.digestif/documents/): a few pack files of records (one
/// per document: its origin, version and analysis setup, diagnostics and document, with the
/// document's HTML and large data members last, read only when asked) and one
/// index per analysis setup (everything else the analysis reads: site.yaml, the executable,
/// plugin libraries) saying where each current document's record lies, with a copy of the part
/// of each record that a restore reads, one after the other (one mapping, few pages faulted in,
/// instead of a read of each record), and the size and time of each pack it names (a pack
/// changed since is no cache).
///
/// A build appends the documents it analyzes to a journal, a new pack of its own (write());
/// finish() then replaces the setup's index atomically and deletes the packs and indexes no
/// longer needed. A build stopped before finish() leaves the last index and its packs as they
/// were. Reads and writes of different documents may run at once.
class DocumentCache {
 public:
  /// Reads the setup's index and opens the packs it names; no record is read yet.
  DocumentCache(std::filesystem::path folder, std::string setup);
  ~DocumentCache();
  DocumentCache(const DocumentCache&) = delete;
  DocumentCache& operator=(const DocumentCache&) = delete;

  /// True when the index has a record for this input at this version.
  bool has(const std::string& origin, const std::string& version) const;
  /// The document made from `origin` at `version`; nullopt when it is missing or damaged.
  std::optional<CachedDocument> read(const std::string& origin, const std::string& version) const;
  /// Appends a document to this build's journal, for the next build once finish() indexes it.
  /// A cache that cannot be written is no error (the next build analyzes the document again).
  void write(const std::string& origin, const std::string& version, const Document& document,
             const std::vector<Diagnostic>& diagnostics,
             const std::vector<std::uint64_t>& reads = {});
  /// Ends the build, once: indexes the documents of `current` ((origin, version) pairs, written
  /// by this build or found in the last index), copies the live records of sparse or surplus
  /// packs into the journal, then deletes indexes beyond this setup's and the latest other
  /// setup's, and packs no kept index names.
  void finish(const std::vector<std::pair<std::string, std::string>>& current);
  const std::filesystem::path& folder() const { return folder_; }
  const std::string& setup() const { return setup_; }

 private:
  /// Where a record lies.
  struct Entry {
    std::string version;
    std::uint32_t pack = 0;  // in packs_; kJournal for this build's journal
    std::uint64_t offset = 0, length = 0;
    /// The bytes a restore reads: the rest (the HTML, large data members) is read in the
    /// mapping when asked, and has a checksum of its own among the bytes read first.
    std::uint64_t read_first = 0;
    std::uint64_t checksum = 0;  // of the bytes read first
    /// Those bytes, as the index holds them after the entries (in its mapping, index_bytes_);
    /// empty for a record of this build's journal until write_index() maps it.
    std::string_view head;
  };
  /// A pack file, open for reading (fd -1 when it could not be opened) and mapped (`bytes`,
  /// null when it could not be); the journal is written, never mapped.
  struct Pack {
    std::string name;
    int fd = -1;
    std::uint64_t size = 0;
    std::shared_ptr<const char> bytes;
    std::string stamp = {};  // its size and modification time when opened (an index notes them)
  };

  void load_index();
  /// The index's entry for this input at this version, or nullptr.
  const Entry* entry_of(const std::string& origin, const std::string& version) const;
  /// Appends a record to the journal (made on first use); the entry saying where, or nullopt.
  /// Call with journal_mutex_ held.
  std::optional<Entry> append(const std::string& version, std::string_view record,
                              std::uint64_t read_first);
  bool open_journal();
  /// Reads a whole record (of one of packs_) into `bytes`; false when it is cut short or damaged.
  bool read_record(const Entry& entry, std::string& bytes) const;
  /// The new index's entries, with the records of the packs to compact moved to the journal.
  std::map<std::string, Entry> compact(std::map<std::string, Entry> entries);
  /// Writes the index of `entries` (those whose heads cannot be read are left out).
  bool write_index(std::map<std::string, Entry> entries);
  void remove_unused_files() const;
  std::filesystem::path index_path() const;

  std::filesystem::path folder_;
  std::string setup_;
  std::shared_ptr<const char> index_bytes_;         // the mapping of that index: the heads
  std::vector<Pack> packs_;                         // named by the index read at construction
  std::unordered_map<std::string, Entry> entries_;  // origin -> record, from that index
  std::mutex journal_mutex_;                        // guards what follows
  Pack journal_;                                    // this build's pack, once written to
  bool journal_failed_ = false;                     // could not be made: no use trying again
  std::unordered_map<std::string, Entry> written_;  // origin -> record in the journal
};

}  // namespace digestif
