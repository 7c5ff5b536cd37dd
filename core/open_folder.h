// OpenFolder: a folder open for reading, as a file descriptor closed at the end of its scope.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <utility>

namespace digestif {

/// Paths looked up inside an open folder (fstatat(), openat()) skip the folders above it: on
/// this kind of system call, the lookup of each part of a path costs about as much as the rest.
class OpenFolder {
 public:
  OpenFolder() = default;
  /// Opens `path`; fd() is -1 when it is no folder or cannot be opened.
  explicit OpenFolder(const std::filesystem::path& path)
      : fd_(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {}
  OpenFolder(OpenFolder&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  OpenFolder& operator=(OpenFolder&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~OpenFolder() {
    if (fd_ >= 0) ::close(fd_);
  }
  int fd() const { return fd_; }

 private:
  int fd_ = -1;
};

}  // namespace digestif
