// Writing whole buffers to a file descriptor, however many system calls it takes.
#include "core/file_write.h"

#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

#include <climits>
#include <vector>

namespace digestif {

bool write_all(int fd, std::string_view bytes, std::size_t at) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n =
        ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(at + done));
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool write_pieces(int fd, std::initializer_list<std::string_view> pieces) {
  return write_pieces(fd, std::span<const std::string_view>(pieces.begin(), pieces.size()));
}

bool write_pieces(int fd, std::span<const std::string_view> pieces) {
  std::size_t at = 0, next = 0, written = 0;  // written: of pieces[next]
  std::vector<iovec> batch;
  while (next < pieces.size()) {
    batch.clear();
    for (std::size_t i = next; i < pieces.size() && batch.size() < IOV_MAX; ++i) {
      std::string_view piece = pieces[i].substr(i == next ? written : 0);
      if (!piece.empty()) batch.push_back({const_cast<char*>(piece.data()), piece.size()});
    }
    if (batch.empty()) return true;
    ssize_t n = ::pwritev(fd, batch.data(), static_cast<int>(batch.size()), static_cast<off_t>(at));
    if (n <= 0) return false;
    at += static_cast<std::size_t>(n);
    for (auto left = static_cast<std::size_t>(n); next < pieces.size();) {
      std::size_t rest = pieces[next].size() - written;
      if (left < rest) {
        written += left;
        break;
      }
      left -= rest;
      ++next;
      written = 0;
    }
  }
  return true;
}

bool write_over(int fd, std::span<const std::string_view> pieces) {
  std::size_t size = 0;
  for (std::string_view piece : pieces) size += piece.size();
  return write_pieces(fd, pieces) && ::ftruncate(fd, static_cast<off_t>(size)) == 0;
}

}  // namespace digestif
