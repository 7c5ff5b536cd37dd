// SpareFiles: files kept to be written over, then swapped in place of the file they replace.
#include "core/spare_files.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "core/file_write.h"

namespace digestif {
namespace fs = std::filesystem;
namespace {

/// Spares kept at most (as many pages as a build replaces: more are deleted).
constexpr std::size_t kMaxIdle = 4096;
/// The file system's block (ext4's): a file cut to a size holds its bytes rounded up to it.
constexpr std::uint64_t kBlock = 4096;

std::uint64_t blocks_for(std::uint64_t size) { return (size + kBlock - 1) / kBlock * kBlock; }

std::uint64_t size_of(std::initializer_list<std::string_view> pieces) {
  std::uint64_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  return size;
}

/// Writes `pieces` over the bytes of the file at `spare` (made when missing) and cuts it to
/// their size.
bool write_over(const std::string& spare, std::initializer_list<std::string_view> pieces) {
  int fd = ::open(spare.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  bool written =
      digestif::write_over(fd, std::span<const std::string_view>(pieces.begin(), pieces.size()));
  ::close(fd);
  return written;
}

bool exchange(const std::string& a, const fs::path& b) {
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE) == 0;
}

}  // namespace

SpareFiles::SpareFiles(fs::path folder) : folder_(std::move(folder)) {}

void SpareFiles::open() {
  opened_ = true;
  std::error_code ec;
  fs::create_directories(folder_, ec);
  // One process at a time: another (a build beside `digestif serve`) goes without spares.
  lock_ = ::open((folder_ / ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  usable_ = lock_ >= 0 && ::flock(lock_, LOCK_EX | LOCK_NB) == 0;
  if (!usable_) return;
  for (auto it = fs::directory_iterator(folder_, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    struct stat status {};
    if (name.empty() || name.size() > 9 ||
        name.find_first_not_of("0123456789") != std::string::npos ||
        ::stat(it->path().c_str(), &status) != 0)
      continue;
    idle_.emplace(static_cast<std::uint64_t>(status.st_blocks) * 512, it->path().string());
    next_name_ = std::max(next_name_, static_cast<unsigned>(std::stoul(name)) + 1);
  }
}

SpareFiles::~SpareFiles() {
  if (lock_ >= 0) ::close(lock_);
}

bool SpareFiles::replace(const fs::path& path, std::initializer_list<std::string_view> pieces) {
  std::uint64_t size = size_of(pieces);
  std::string spare = take(size);
  if (spare.empty()) return false;
  if (!write_over(spare, pieces)) {
    ::unlink(spare.c_str());
    return false;
  }
  if (!exchange(spare, path)) {
    if (errno == EXDEV) {
      std::lock_guard lock(mutex_);
      usable_ = false;
    }
    give(std::move(spare), blocks_for(size));
    return false;
  }
  struct stat was {};
  if (::lstat(spare.c_str(), &was) != 0 || !S_ISREG(was.st_mode)) {
    exchange(spare, path);  // not a file was there: it goes back
    return false;
  }
  if (was.st_nlink > 1) {  // another name holds the replaced file (a `cp -al` copy): not a spare
    ::unlink(spare.c_str());
    return true;
  }
  give(std::move(spare), static_cast<std::uint64_t>(was.st_blocks) * 512);  // what was at `path`
  return true;
}

std::string SpareFiles::take(std::uint64_t size) {
  std::lock_guard lock(mutex_);
  if (!opened_) open();
  if (!usable_) return {};
  // The largest spare that the bytes fill (it grows, or keeps its blocks), else a new one: cut
  // shorter, a spare would free blocks, which on a disk mounted with `discard` are trimmed while
  // the write waits.
  auto fits = idle_.upper_bound(blocks_for(size));
  if (fits == idle_.begin()) return (folder_ / std::to_string(next_name_++)).string();
  --fits;
  std::string spare = std::move(fits->second);
  idle_.erase(fits);
  return spare;
}

void SpareFiles::give(std::string spare, std::uint64_t allocated) {
  {
    std::lock_guard lock(mutex_);
    if (idle_.size() < kMaxIdle) {
      idle_.emplace(allocated, std::move(spare));
      return;
    }
  }
  ::unlink(spare.c_str());
}

}  // namespace digestif
