// MappedFile: a file's bytes mapped into memory read-only, instead of read into fresh memory
// (which costs a page fault per page to fill; a mapping of a file in the page cache costs far
// less). A cache file is replaced by renaming another file over it (spare_file.h), so a mapping
// stays valid while it lasts, even once its file is replaced or deleted; a file mapped by open()
// is never written over while it is.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

namespace digestif {

class MappedFile {
 public:
  /// The whole file; nullopt when it cannot be opened or mapped. An empty file maps to no bytes.
  /// While the mapping lasts, the file stays open with a shared lock (flock).
  static std::optional<MappedFile> open(const std::filesystem::path& file);
  /// `size` bytes of an open file; an empty MappedFile when it cannot be mapped.
  static MappedFile map(int fd, std::uint64_t size);

  std::string_view bytes() const { return {start_.get(), size_}; }
  /// The start of the mapping, shared: it lasts while a copy of this lasts.
  const std::shared_ptr<const char>& start() const { return start_; }
  explicit operator bool() const { return start_ != nullptr; }

 private:
  std::shared_ptr<const char> start_;
  std::size_t size_ = 0;
};

}  // namespace digestif
