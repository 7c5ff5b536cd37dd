// Writing whole buffers to a file descriptor, however many system calls it takes.
#include "core/file_write.h"

#include <sys/types.h>
#include <unistd.h>

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
  std::size_t at = 0;
  for (std::string_view piece : pieces) {
    if (!write_all(fd, piece, at)) return false;
    at += piece.size();
  }
  return true;
}

}  // namespace digestif
