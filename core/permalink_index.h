// PermalinkIndex: the position of each published document by its permalink, in one flat table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace digestif {

/// Permalink -> position in Site::documents. Renderers and analyzers look documents up by
/// permalink tens of thousands of times a build (every entry of every list page, every member
/// of every tag): a node-based hash map sends each lookup to three places in memory (bucket,
/// node, the document's own string). Here the slots hold each key's hash and the keys lie one
/// after another in one buffer, so a lookup reads a slot and, to be sure, one key beside the
/// others.
class PermalinkIndex {
 public:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  void reserve(std::size_t count);
  /// Adds `permalink` at `position` unless it is there; its position (`position` when added)
  /// and whether it was added.
  std::pair<std::size_t, bool> emplace(std::string_view permalink, std::size_t position);
  /// Moves `permalink`, which must be there, to `position`.
  void move(std::string_view permalink, std::size_t position);
  /// The position of `permalink`, or npos.
  std::size_t find(std::string_view permalink) const;
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  static constexpr std::uint32_t kFree = UINT32_MAX;
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t key = kFree;  // where the key starts in keys_ (it ends with a '\0')
    std::uint32_t position = 0;
  };

  /// The slot of `permalink`, or the free slot where it would go.
  std::size_t slot_of(std::string_view permalink, std::uint64_t hash) const;
  /// Doubles the table (or makes it) so that it stays at most half full.
  void grow(std::size_t count);

  std::vector<Slot> slots_;  // a power of two of them
  std::string keys_;
  std::size_t size_ = 0;
};

}  // namespace digestif
