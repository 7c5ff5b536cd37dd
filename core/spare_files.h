// SpareFiles: files kept to be written over, then swapped in place of the file they replace.
#pragma once

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace digestif {

/// A folder of spare files (.digestif/spare/). A file replaced through it is written over the
/// bytes of a spare, which is then swapped with the file (renameat2 RENAME_EXCHANGE, atomic like
/// a rename); the replaced file becomes a spare in its turn. ext4 thus neither makes an inode
/// for a temporary file nor frees the replaced file's blocks (trimming them, when mounted with
/// `discard`): 20 µs a page instead of 120 on this machine. A page is written over the largest
/// spare it fills: cut shorter, a spare would free blocks too. Safe to use from several threads.
class SpareFiles {
 public:
  /// The spares in `folder`, taken (unless another process holds them) and the folder made
  /// when first needed: a build that replaces no file leaves no trace.
  explicit SpareFiles(std::filesystem::path folder);
  ~SpareFiles();
  SpareFiles(const SpareFiles&) = delete;
  SpareFiles& operator=(const SpareFiles&) = delete;

  /// Puts `pieces` at `path`, a file that exists, atomically; false when it could not (no file
  /// there, a folder there, another file system, a disk error): the caller replaces it another
  /// way, and nothing changed at `path`.
  bool replace(const std::filesystem::path& path, std::initializer_list<std::string_view> pieces);

 private:
  /// Makes the folder, locks it and lists its spares. Call with mutex_ held.
  void open();
  /// A spare's path to write `size` bytes over: an idle one, else a new name; empty once spares
  /// proved of no use here.
  std::string take(std::uint64_t size);
  /// Keeps a spare of `allocated` bytes on disk for later, or deletes it when enough are kept.
  void give(std::string spare, std::uint64_t allocated);

  std::filesystem::path folder_;
  std::mutex mutex_;                                // guards what follows
  std::multimap<std::uint64_t, std::string> idle_;  // by the bytes it holds on disk
  unsigned next_name_ = 0;
  bool opened_ = false;  // open() ran
  int lock_ = -1;        // held while this lives
  bool usable_ = true;   // false without the lock, or after a swap across file systems
};

}  // namespace digestif
