// KeyPositions: string keys -> positions in a list, in one flat table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace digestif {

/// Key -> position, for lists looked up tens of thousands of times a build: documents by
/// permalink (Site::by_permalink: every entry of every list page, every member of every tag),
/// earlier outputs by path (OutputWriter: every output kept). A node-based hash map sends each
/// lookup to three places in memory (bucket, node, the key's own string). Here the slots hold
/// each key's hash and the keys lie one after another in one buffer, so a lookup reads a slot
/// and, to be sure, one key beside the others.
class KeyPositions {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  void reserve(std::size_t count);
  /// Adds `key` at `position` unless it is there; its position (`position` when added)
  /// and whether it was added.
  std::pair<std::size_t, bool> emplace(std::string_view key, std::size_t position);
  /// Moves `key`, which must be there, to `position`.
  void move(std::string_view key, std::size_t position);
  /// The position of `key`, or npos.
  std::size_t find(std::string_view key) const;
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  static constexpr std::uint32_t kFree = UINT32_MAX;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t start = kFree;  // where the key starts in keys_ (it ends with a '\0')
    std::uint32_t position = 0;
  };

  /// The slot of `key`, or the free slot where it would go.
  std::size_t slot_of(std::string_view key, std::uint64_t hash) const;
  /// Doubles the table (or makes it) so that it stays at most half full.
  void grow(std::size_t count);

  std::vector<Slot> slots_;  // a power of two of them
  std::string keys_;
  std::size_t size_ = 0;
};

}  // namespace digestif
