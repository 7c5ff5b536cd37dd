// A cache file's spare: written over under an exclusive lock, swapped in, kept for the next time.
#include "core/spare_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>

#include "core/diagnostic.h"
#include "core/file_write.h"

namespace digestif {
namespace {

constexpr std::string_view kSpareSuffix = ".spare";

/// The spare, open for writing and locked (no reader maps it, no writer writes it); -1 when
/// there is none to write over.
int take_spare(const std::filesystem::path& spare) {
  int fd = ::open(spare.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT) {  // a new folder
    std::error_code ec;
    std::filesystem::create_directories(spare.parent_path(), ec);
    fd = ::open(spare.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  }
  if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0) return fd;
  if (fd >= 0) {
    ::close(fd);
    ::unlink(spare.c_str());  // mapped: it lasts as long as the mapping, the name is free
  }
  return -1;
}

/// Swaps the written spare in; the version it replaces is the spare now.
bool swap_in(const std::filesystem::path& spare, const std::filesystem::path& path) {
  if (::renameat2(AT_FDCWD, spare.c_str(), AT_FDCWD, path.c_str(), RENAME_EXCHANGE) == 0)
    return true;
  // The first version, or a file system without swaps (the replaced version is deleted then).
  return (errno == ENOENT || errno == EINVAL) && ::rename(spare.c_str(), path.c_str()) == 0;
}

}  // namespace

std::filesystem::path spare_of(const std::filesystem::path& path) {
  std::filesystem::path spare = path;
  spare += kSpareSuffix;
  return spare;
}

bool is_spare_name(std::string_view name) { return name.ends_with(kSpareSuffix); }

std::string_view spared_name(std::string_view spare_name) {
  return spare_name.substr(0, spare_name.size() - kSpareSuffix.size());
}

void replace_through_spare(const std::filesystem::path& path,
                           std::span<const std::string_view> pieces) {
  std::filesystem::path spare = spare_of(path);
  int fd = take_spare(spare);
  if (fd < 0) fd = take_spare(spare);  // set aside: a new one
  if (fd < 0)
    throw Error(path.string(), 0, "cannot create the file; check the folder's permissions");
  bool written = write_over(fd, pieces);
  bool swapped = written && swap_in(spare, path);
  ::close(fd);  // unlocks it
  if (!written) throw Error(path.string(), 0, "cannot write the file; is the disk full?");
  if (!swapped)
    throw Error(path.string(), 0, "cannot replace the file; check the folder's permissions");
}

void remove_with_spare(const std::filesystem::path& path) {
  std::error_code ec;
  std::filesystem::remove(path, ec);
  std::filesystem::remove(spare_of(path), ec);
}

}  // namespace digestif
