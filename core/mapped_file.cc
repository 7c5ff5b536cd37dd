// MappedFile: mmap and munmap behind a shared pointer.
#include "core/mapped_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace digestif {

MappedFile MappedFile::map(int fd, std::uint64_t size) {
  MappedFile mapped;
  if (fd < 0 || size == 0) return mapped;
  void* start = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (start == MAP_FAILED) return mapped;
  mapped.start_ = {static_cast<const char*>(start),
                   [size](const char* bytes) { ::munmap(const_cast<char*>(bytes), size); }};
  mapped.size_ = size;
  return mapped;
}

std::optional<MappedFile> MappedFile::open(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat status {};
  std::optional<MappedFile> mapped;
  if (::fstat(fd, &status) == 0) {
    auto size = static_cast<std::uint64_t>(status.st_size);
    mapped = map(fd, size);
    if (!*mapped && size != 0) mapped.reset();
  }
  if (!mapped || !*mapped || ::flock(fd, LOCK_SH) != 0) {
    ::close(fd);
    return mapped;
  }
  // The open file holds a shared lock while the mapping lasts: a writer does not write over it
  // (replace_through_spare).
  auto bytes = mapped->start_;
  mapped->start_ = {bytes.get(), [bytes, fd](const char*) mutable {
                      bytes.reset();
                      ::close(fd);
                    }};
  return mapped;
}

}  // namespace digestif
