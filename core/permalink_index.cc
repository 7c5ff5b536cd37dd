// PermalinkIndex: open addressing over hashed permalinks kept in one buffer.
#include "core/permalink_index.h"

#include <xxhash.h>

#include <cstring>

namespace digestif {
namespace {

std::uint64_t hash_of(std::string_view permalink) {
  return XXH3_64bits(permalink.data(), permalink.size());
}

}  // namespace

void PermalinkIndex::reserve(std::size_t count) {
  keys_.reserve(count * 32);
  grow(count);
}

std::size_t PermalinkIndex::slot_of(std::string_view permalink, std::uint64_t hash) const {
  std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.key == kFree) return at;
    if (slot.hash == hash && keys_.compare(slot.key, permalink.size(), permalink) == 0 &&
        keys_[slot.key + permalink.size()] == '\0')
      return at;
  }
}

void PermalinkIndex::grow(std::size_t count) {
  std::size_t wanted = 16;
  while (wanted < 2 * count) wanted *= 2;
  if (wanted <= slots_.size()) return;
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(wanted));
  std::size_t mask = wanted - 1;
  for (const Slot& slot : old) {
    if (slot.key == kFree) continue;
    std::size_t at = slot.hash & mask;
    while (slots_[at].key != kFree) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

std::pair<std::size_t, bool> PermalinkIndex::emplace(std::string_view permalink,
                                                     std::size_t position) {
  grow(size_ + 1);
  std::uint64_t hash = hash_of(permalink);
  Slot& slot = slots_[slot_of(permalink, hash)];
  if (slot.key != kFree) return {slot.position, false};
  slot = {hash, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(position)};
  keys_.append(permalink).push_back('\0');
  ++size_;
  return {position, true};
}

void PermalinkIndex::move(std::string_view permalink, std::size_t position) {
  slots_[slot_of(permalink, hash_of(permalink))].position = static_cast<std::uint32_t>(position);
}

std::size_t PermalinkIndex::find(std::string_view permalink) const {
  if (slots_.empty()) return npos;
  const Slot& slot = slots_[slot_of(permalink, hash_of(permalink))];
  return slot.key == kFree ? npos : slot.position;
}

}  // namespace digestif
