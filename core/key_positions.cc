// KeyPositions: open addressing over hashed keys kept in one buffer.
#include "core/key_positions.h"

#include <xxhash.h>

#include <cstring>

namespace digestif {
namespace {

std::uint64_t hash_of(std::string_view key) { return XXH3_64bits(key.data(), key.size()); }

}  // namespace

void KeyPositions::reserve(std::size_t count) {
  keys_.reserve(count * 32);
  grow(count);
}

std::size_t KeyPositions::slot_of(std::string_view key, std::uint64_t hash) const {
  std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    const Slot& slot = slots_[at];
    if (slot.start == kFree) return at;
    if (slot.hash == hash && keys_.compare(slot.start, key.size(), key) == 0 &&
        keys_[slot.start + key.size()] == '\0')
      return at;
  }
}

void KeyPositions::grow(std::size_t count) {
  std::size_t wanted = 16;
  while (wanted < 2 * count) wanted *= 2;
  if (wanted <= slots_.size()) return;
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(wanted));
  std::size_t mask = wanted - 1;
  for (const Slot& slot : old) {
    if (slot.start == kFree) continue;
    std::size_t at = slot.hash & mask;
    while (slots_[at].start != kFree) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

std::pair<std::size_t, bool> KeyPositions::emplace(std::string_view key, std::size_t position) {
  grow(size_ + 1);
  std::uint64_t hash = hash_of(key);
  Slot& slot = slots_[slot_of(key, hash)];
  if (slot.start != kFree) return {slot.position, false};
  slot = {hash, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(position)};
  keys_.append(key).push_back('\0');
  ++size_;
  return {position, true};
}

void KeyPositions::move(std::string_view key, std::size_t position) {
  slots_[slot_of(key, hash_of(key))].position = static_cast<std::uint32_t>(position);
}

std::size_t KeyPositions::find(std::string_view key) const {
  if (slots_.empty()) return npos;
  const Slot& slot = slots_[slot_of(key, hash_of(key))];
  return slot.start == kFree ? npos : slot.position;
}

}  // namespace digestif
