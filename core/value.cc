// Member access and text form of Value, and the sorted members of its objects.
#include "core/value.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <ostream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

#include "core/key_positions.h"
#include "core/once.h"

namespace digestif {
namespace {

bool key_less(const ValueObject::value_type& member, std::string_view key) {
  return member.first.str() < key;
}

/// The one stored copy of `text`. Each thread remembers the names it has seen, so only a new
/// name takes the lock; stored names live as long as the process.
const std::string* stored_name(std::string_view text) {
  thread_local std::unordered_map<std::string_view, const std::string*> seen;
  if (auto it = seen.find(text); it != seen.end()) return it->second;
  static std::mutex mutex;
  static auto* names = new std::unordered_set<std::string>();  // never freed: keys outlive all
  const std::string* stored;
  {
    std::lock_guard lock(mutex);
    stored = &*names->emplace(text).first;
  }
  seen.emplace(*stored, stored);
  return stored;
}

/// Sorts by key, keeping the first of repeated keys.
void sort_members(std::vector<ValueObject::value_type>& members) {
  auto before = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (!std::is_sorted(members.begin(), members.end(), before))  // decoded objects come sorted
    std::stable_sort(members.begin(), members.end(), before);
  auto repeated = std::unique(members.begin(), members.end(),
                              [](const auto& a, const auto& b) { return a.first == b.first; });
  members.erase(repeated, members.end());
}

/// Room for one more element: small vectors grow one or a few slots at a time, not by
/// doubling, since most objects and arrays are small and never shrink.
template <typename T>
void make_room(std::vector<T>& items) {
  std::size_t size = items.size();
  if (size < items.capacity()) return;
  items.reserve(size < 4 ? size + 1 : size < 32 ? size + 4 : size + size / 2);
}

}  // namespace

ValueKey::ValueKey(std::string_view text) : text_(stored_name(text)) {}

std::ostream& operator<<(std::ostream& out, const ValueKey& key) { return out << key.str(); }

ValueObject::ValueObject(std::initializer_list<value_type> members) : members_(members) {
  sort_members(members_);
}

ValueObject::ValueObject(std::vector<value_type> members) : members_(std::move(members)) {
  sort_members(members_);
}

/// Objects with this many members are searched by hash: a binary search over 10,000 permalinks
/// reads a dozen keys, each behind two pointers.
constexpr std::size_t kIndexedFrom = 64;

struct ValueObject::Index {
  KeyPositions positions;
};

ValueObject::ValueObject(const ValueObject& other) : members_(other.members_) {}

ValueObject::ValueObject(ValueObject&& other) noexcept
    : members_(std::move(other.members_)), index_(other.index_.exchange(nullptr)) {}

ValueObject::~ValueObject() { forget_index(); }

ValueObject& ValueObject::operator=(const ValueObject& other) {
  if (this == &other) return *this;
  members_ = other.members_;
  forget_index();
  return *this;
}

ValueObject& ValueObject::operator=(ValueObject&& other) noexcept {
  if (this == &other) return *this;
  members_ = std::move(other.members_);
  forget_index();
  index_ = other.index_.exchange(nullptr);
  return *this;
}

void ValueObject::forget_index() noexcept { delete index_.exchange(nullptr); }

const ValueObject::Index& ValueObject::index() const {
  if (const Index* index = index_.load(std::memory_order_acquire)) return *index;
  auto made = std::make_unique<Index>();
  made->positions.reserve(members_.size());
  for (std::size_t i = 0; i < members_.size(); ++i) made->positions.emplace(members_[i].first, i);
  const Index* expected = nullptr;
  if (index_.compare_exchange_strong(expected, made.get(), std::memory_order_acq_rel))
    return *made.release();
  return *expected;  // another thread's, made at the same time
}

std::size_t ValueObject::position_of(std::string_view key) const {
  if (members_.size() >= kIndexedFrom) {
    std::size_t at = index().positions.find(key);
    return at != KeyPositions::npos ? at : members_.size();
  }
  auto at = std::lower_bound(members_.begin(), members_.end(), key, key_less);
  return at != members_.end() && at->first == key ? static_cast<std::size_t>(at - members_.begin())
                                                  : members_.size();
}

ValueObject::iterator ValueObject::find(std::string_view key) {
  return members_.begin() + static_cast<std::ptrdiff_t>(position_of(key));
}

ValueObject::const_iterator ValueObject::find(std::string_view key) const {
  return members_.begin() + static_cast<std::ptrdiff_t>(position_of(key));
}

ValueObject::const_iterator ValueObject::find(std::string_view key, std::size_t& hint) const {
  // Beside: in_parallel() hands a thread every other index. (hint - 1 wraps past size() at 0.)
  for (std::size_t at : {hint, hint + 1, hint - 1, hint + 2, hint - 2})
    if (at < members_.size() && members_[at].first == key) {
      hint = at;
      return members_.begin() + static_cast<std::ptrdiff_t>(at);
    }
  auto found = find(key);
  if (found != members_.end()) hint = static_cast<std::size_t>(found - members_.begin());
  return found;
}

bool ValueObject::contains(std::string_view key) const { return find(key) != end(); }

ValueObject::iterator ValueObject::insert_at(iterator at, std::string_view key, Value value) {
  forget_index();
  if (members_.size() == members_.capacity()) {
    auto index = at - members_.begin();
    make_room(members_);
    at = members_.begin() + index;
  }
  return members_.emplace(at, ValueKey(key), std::move(value));
}

std::pair<ValueObject::iterator, bool> ValueObject::emplace(std::string_view key, Value value) {
  // Keys often come in order: appending needs no search.
  if (members_.empty() || members_.back().first < key)
    return {insert_at(members_.end(), key, std::move(value)), true};
  auto at = std::lower_bound(members_.begin(), members_.end(), key, key_less);
  if (at != members_.end() && at->first == key) return {at, false};
  return {insert_at(at, key, std::move(value)), true};
}

Value& ValueObject::operator[](std::string_view key) {
  if (members_.empty() || members_.back().first < key)
    return insert_at(members_.end(), key, Value{})->second;
  auto at = std::lower_bound(members_.begin(), members_.end(), key, key_less);
  if (at != members_.end() && at->first == key) return at->second;
  return insert_at(at, key, Value{})->second;
}

std::size_t ValueObject::erase(std::string_view key) {
  auto at = find(key);
  if (at == members_.end()) return 0;
  forget_index();
  members_.erase(at);
  return 1;
}

bool ValueObject::operator==(const ValueObject& other) const { return members_ == other.members_; }

/// A later() value: how to make it, then what it made.
struct Value::Later {
  Once once;
  std::atomic<bool> made{false};
  std::uint64_t hash = 0;
  SharedBytes encoding;
  Make make;
  Data value;
};

Value Value::later(Make make, std::uint64_t hash) {
  Value value;
  auto later = std::make_shared<Later>();
  later->make = std::move(make);
  later->hash = hash;
  value.data_ = std::move(later);
  return value;
}

Value Value::later(Make make, std::uint64_t hash, SharedBytes encoding) {
  Value value = later(std::move(make), hash);
  std::get<kLaterIndex>(value.data_)->encoding = std::move(encoding);
  return value;
}

Value Value::sealed(Value value, std::uint64_t hash) {
  Value sealed;
  auto later = std::make_shared<Later>();
  if (value.data_.index() == kLaterIndex)
    later->value = value.data();
  else
    later->value = std::move(value.data_);
  later->made = true;  // made() never calls `once` now
  later->hash = hash;
  sealed.data_ = std::move(later);
  return sealed;
}

std::uint64_t Value::later_hash() const {
  const auto* later = std::get_if<kLaterIndex>(&data_);
  return later != nullptr ? (*later)->hash : 0;
}

std::string_view Value::later_encoding() const {
  const auto* later = std::get_if<kLaterIndex>(&data_);
  return later != nullptr ? (*later)->encoding.view : std::string_view();
}

bool Value::is_pending() const {
  const auto* later = std::get_if<kLaterIndex>(&data_);
  return later != nullptr && !(*later)->made;
}

const Value::Data& Value::made(Later& later) {
  if (later.made.load(std::memory_order_acquire)) return later.value;
  later.once.call([&later] {
    Value value = later.make();
    if (value.data_.index() == kLaterIndex)
      later.value = value.data();
    else
      later.value = std::move(value.data_);
    later.make = nullptr;
    later.made.store(true, std::memory_order_release);
  });
  return later.value;
}

Value::Data& Value::own() {
  if (auto* pending = std::get_if<kLaterIndex>(&data_)) {
    std::shared_ptr<Later> later = *pending;  // stays in data_ should make() throw
    const Data& value = made(*later);
    if (later.use_count() == 2)
      data_ = std::move(later->value);  // no other copy reads it
    else
      data_ = value;
  }
  return data_;
}

Value& Value::operator[](std::string_view key) {
  if (is_null()) own() = Object{};
  return as_object()[key];
}

const Value* Value::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  const auto& object = as_object();
  auto it = object.find(key);
  return it == object.end() ? nullptr : &it->second;
}

std::string Value::get_string(std::string_view key, std::string_view fallback) const {
  const Value* member = find(key);
  if (member == nullptr || !member->is_string()) return std::string(fallback);
  return member->as_string();
}

void Value::push_back(Value v) {
  if (is_null()) own() = Array{};
  make_room(as_array());
  as_array().push_back(std::move(v));
}

std::size_t Value::size() const {
  if (is_array()) return as_array().size();
  if (is_object()) return as_object().size();
  return 0;
}

std::string Value::to_text() const {
  if (is_string()) return as_string();
  if (is_bool()) return as_bool() ? "true" : "false";
  if (is_int()) return std::to_string(as_int());
  if (is_double()) {
    std::ostringstream out;
    out << as_double();
    return out.str();
  }
  return {};
}

}  // namespace digestif
