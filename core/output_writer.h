// OutputWriter: writes the site atomically, only inside the output folder, and removes what
// an earlier build wrote that this one did not.
#pragma once

#include <array>
#include <atomic>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/key_positions.h"
#include "core/spare_files.h"

namespace digestif {

/// Crash safety: every file appears whole (temp file + rename); before a new path is first
/// written it is appended to a journal, so files of a build killed midway are still known as
/// digestif's; temp files of a killed build (one that left its "building" marker) are swept
/// when the next one starts.
class OutputWriter {
 public:
  /// How a file whose bytes changed is replaced: through a temporary file and a rename (no
  /// reader ever sees it half written), or in place (for a folder no one reads while it is
  /// written: see BuildOptions::private_output).
  enum class Replace { atomically, in_place };
  /// Reads what earlier builds wrote (`root`/.digestif-manifest and the journal). A file
  /// replaced atomically is replaced through `spares` when given.
  explicit OutputWriter(std::filesystem::path root, Replace replace = Replace::atomically,
                        SpareFiles* spares = nullptr);
  ~OutputWriter();
  OutputWriter(const OutputWriter&) = delete;
  OutputWriter& operator=(const OutputWriter&) = delete;

  /// Writes `bytes` to `relative` (a '/'-separated path inside the root) through a temporary
  /// file and a rename; leaves the file alone when it already holds these bytes. Throws Error
  /// for a path that would leave the root or that another output of this build wrote.
  void write(std::string_view relative, std::string_view bytes, std::string_view producer);

  /// Claims `relative` as an output of this build, as write() does, without reading or writing
  /// it: the caller knows the file already holds the bytes this build would write.
  void keep(std::string_view relative, std::string_view producer);

  /// Deletes files of the previous manifest not written by this build (and folders left empty)
  /// and saves the new manifest. Call once, after a build that ran to its end.
  void finish();

  /// Deletes every file digestif wrote into `root` (and only those), then its own records.
  static std::size_t remove_all(const std::filesystem::path& root);

  std::size_t written() const;
  std::size_t unchanged() const;
  /// Outputs kept by keep(): not rendered at all (also counted in unchanged()).
  std::size_t kept() const;
  std::size_t removed() const { return removed_; }
  /// Every path this build wrote or found already holding its bytes, in no order (views valid
  /// while the writer lives).
  std::vector<std::string_view> outputs() const;
  /// The paths whose bytes this build changed, sorted.
  std::vector<std::string> changed() const;
  const std::filesystem::path& root() const { return root_; }
  /// True when this build claimed exactly the paths earlier builds left (the manifest's, and a
  /// killed build's journal's).
  bool same_paths_as_before() const;
  /// The paths earlier builds left that this build did not claim (views valid while the writer
  /// lives), of previous_count() paths in all.
  std::vector<std::string_view> unclaimed() const;
  std::size_t previous_count() const { return previous_paths_.size(); }

 private:
  /// Throws Error for a path that would leave the root or overwrite digestif's own records.
  void check(std::string_view relative) const;
  std::filesystem::path checked_path(std::string_view relative) const;
  void claim(std::string_view relative, std::string_view producer);
  std::size_t claimed_count() const;
  void remove_stale();
  /// True when this build made exactly the outputs the manifest lists (and no journal is left
  /// from a build killed midway): the manifest stays as it is.
  bool same_outputs_as_manifest() const;
  void write_manifest() const;

  /// The paths claimed this build that no earlier build wrote, in shards by hash: tasks
  /// claiming at once rarely wait.
  struct Claims {
    mutable std::mutex mutex;
    std::deque<std::string> new_paths;
    // path (a view of new_paths) -> who wrote it
    std::unordered_map<std::string_view, const std::string*> producers;
  };
  static constexpr std::size_t kShards = 16;
  static std::size_t shard_of(std::string_view relative) {
    return std::hash<std::string_view>()(relative) % kShards;
  }
  /// A producer's name, kept for as long as the writer; found without a lock once made.
  struct ProducerName {
    std::string text;
    const ProducerName* next;
  };
  const std::string* producer_name(std::string_view producer);
  /// Reads the manifest and a killed build's journal into previous_.
  void load_previous();

  std::filesystem::path root_;
  Replace replace_;
  SpareFiles* spares_;
  // What earlier builds wrote (views of previous_bytes_), each with the producer that claimed
  // it in this build (null until then): a claim of one of them takes no lock.
  std::string previous_bytes_;
  KeyPositions previous_;  // path -> position in previous_paths_
  std::vector<std::string_view> previous_paths_;
  std::unique_ptr<std::atomic<const std::string*>[]> previous_claims_;
  std::atomic<std::size_t> claimed_previous_ = 0;  // claimed paths that are in previous_
  std::array<Claims, kShards> claims_;
  std::atomic<const ProducerName*> producer_names_ = nullptr;
  std::mutex producer_names_mutex_;  // guards adding to producer_names_
  std::deque<ProducerName> owned_producer_names_;
  mutable std::mutex mutex_;  // guards the journal and changed_
  std::FILE* journal_ = nullptr;
  std::vector<std::string> changed_;
  std::atomic<std::size_t> written_ = 0;
  std::atomic<std::size_t> unchanged_ = 0;
  std::atomic<std::size_t> kept_ = 0;
  std::size_t removed_ = 0;
};

/// Writes a file through a sibling temporary file and an atomic rename.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);
/// The same, of `pieces` one after the other: no copy of them all in one string.
void write_file_atomically(const std::filesystem::path& path,
                           std::initializer_list<std::string_view> pieces);
/// Writes over a file's bytes where they are (creating it when missing), then cuts it to size.
void write_file_in_place(const std::filesystem::path& path, std::string_view bytes);

/// The whole content of a file; throws Error naming it when it cannot be read.
std::string read_file(const std::filesystem::path& path);

}  // namespace digestif
