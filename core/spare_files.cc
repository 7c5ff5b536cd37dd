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

/// Writes `pieces` over the bytes of the file at `spare` (made when missing) and cuts it to
/// their size.
bool write_over(const std::string& spare, std::initializer_list<std::string_view> pieces) {
  int fd = ::open(spare.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  std::size_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  bool written = write_pieces(fd, pieces) && ::ftruncate(fd, static_cast<off_t>(size)) == 0;
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
    if (name.empty() || name.size() > 9 ||
        name.find_first_not_of("0123456789") != std::string::npos)
      continue;
    idle_.push_back(it->path().string());
    next_name_ = std::max(next_name_, static_cast<unsigned>(std::stoul(name)) + 1);
  }
}

SpareFiles::~SpareFiles() {
  if (lock_ >= 0) ::close(lock_);
}

bool SpareFiles::replace(const fs::path& path, std::initializer_list<std::string_view> pieces) {
  std::string spare = take();
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
    give(std::move(spare));
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
  give(std::move(spare));  // now holding what was at `path`
  return true;
}

std::string SpareFiles::take() {
  std::lock_guard lock(mutex_);
  if (!opened_) open();
  if (!usable_) return {};
  if (!idle_.empty()) {
    std::string spare = std::move(idle_.back());
    idle_.pop_back();
    return spare;
  }
  return (folder_ / std::to_string(next_name_++)).string();
}

void SpareFiles::give(std::string spare) {
  {
    std::lock_guard lock(mutex_);
    if (idle_.size() < kMaxIdle) {
      idle_.push_back(std::move(spare));
      return;
    }
  }
  ::unlink(spare.c_str());
}

}  // namespace digestif
