// Writing whole buffers to a file descriptor, however many system calls it takes.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string_view>

namespace digestif {

/// Writes all of `bytes` at offset `at` of the file; false when the disk refuses.
bool write_all(int fd, std::string_view bytes, std::size_t at = 0);
/// Writes `pieces` one after the other from the file's start; false when the disk refuses.
bool write_pieces(int fd, std::initializer_list<std::string_view> pieces);
/// The same for many pieces, gathered by the thousand into each system call.
bool write_pieces(int fd, std::span<const std::string_view> pieces);
/// Writes `pieces` over the file's bytes from its start, then cuts it to their size (a file
/// written over instead of made anew); false when the disk refuses.
bool write_over(int fd, std::span<const std::string_view> pieces);

}  // namespace digestif
