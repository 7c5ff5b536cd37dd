// Value: the small JSON-like tree that plugins share and templates read.
#pragma once

#include <atomic>
#include <compare>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/shared_bytes.h"

namespace digestif {

class Value;

/// The name of an object member. Names are stored once per process and shared (a build has
/// millions of members but a few hundred names besides permalinks), so a key is one pointer.
class ValueKey {
 public:
  ValueKey(std::string_view text);
  ValueKey(const std::string& text) : ValueKey(std::string_view(text)) {}
  ValueKey(const char* text) : ValueKey(std::string_view(text)) {}

  const std::string& str() const { return *text_; }
  operator const std::string&() const { return *text_; }
  operator std::string_view() const { return *text_; }

  friend bool operator==(const ValueKey& a, const ValueKey& b) {
    return a.text_ == b.text_;  // one stored text per name
  }
  friend std::strong_ordering operator<=>(const ValueKey& a, const ValueKey& b) {
    return a.text_ == b.text_ ? std::strong_ordering::equal : *a.text_ <=> *b.text_;
  }
  friend bool operator==(const ValueKey& a, std::string_view b) { return *a.text_ == b; }
  friend std::strong_ordering operator<=>(const ValueKey& a, std::string_view b) {
    return std::string_view(*a.text_) <=> b;
  }
  friend bool operator==(const ValueKey& a, const char* b) { return *a.text_ == b; }
  friend bool operator==(const ValueKey& a, const std::string& b) { return *a.text_ == b; }
  friend std::ostream& operator<<(std::ostream& out, const ValueKey& key);

 private:
  const std::string* text_;
};

/// The members of an object Value: one vector of (key, value) pairs kept sorted by key, with
/// the part of std::map's interface the code uses. A build holds millions of members, and a
/// vector element (48 bytes) costs well under half of a map node.
class ValueObject {
 public:
  using value_type = std::pair<ValueKey, Value>;
  using iterator = std::vector<value_type>::iterator;
  using const_iterator = std::vector<value_type>::const_iterator;

  ValueObject() = default;
  // Defined in value.cc, where Value is complete (clang checks std::pair's constraints here).
  ValueObject(const ValueObject& other);
  ValueObject(ValueObject&& other) noexcept;
  ValueObject& operator=(const ValueObject& other);
  ValueObject& operator=(ValueObject&& other) noexcept;
  ~ValueObject();
  /// Members in any order; on a repeated key the first one counts (as with std::map).
  ValueObject(std::initializer_list<value_type> members);
  /// Members in any order, sorted once (for large objects built in bulk); on a repeated key
  /// the first one counts.
  explicit ValueObject(std::vector<value_type> members);

  // Defined after Value, which they need complete (clang instantiates them here).
  iterator begin();
  iterator end();
  const_iterator begin() const;
  const_iterator end() const;
  std::size_t size() const;
  bool empty() const;
  void reserve(std::size_t n);

  iterator find(std::string_view key);
  const_iterator find(std::string_view key) const;
  /// find(), looking first at position `hint` and up to two places beside it (where the key or
  /// one asked before it sits in another object of the same keys), which it then sets to where
  /// the key is.
  const_iterator find(std::string_view key, std::size_t& hint) const;
  bool contains(std::string_view key) const;
  /// Adds `key` unless present; the member and whether it was added.
  std::pair<iterator, bool> emplace(std::string_view key, Value value);
  /// The member `key`, added as null when missing.
  Value& operator[](std::string_view key);
  /// Removes `key`; how many members were removed (0 or 1).
  std::size_t erase(std::string_view key);

  bool operator==(const ValueObject& other) const;

 private:
  /// Where each key is, for find() in a large object (a product keyed by permalink).
  struct Index;

  iterator insert_at(iterator at, std::string_view key, Value value);
  /// The position of `key`, or size() when absent.
  std::size_t position_of(std::string_view key) const;
  /// The index, made on the first call (from any thread: one of them keeps its own).
  const Index& index() const;
  void forget_index() noexcept;

  std::vector<value_type> members_;
  mutable std::atomic<const Index*> index_ = nullptr;  // set by index(); members keep places
};

/// A null, bool, integer, real, string, array or object; objects keep their keys sorted.
/// A value may also be made later (Value::later): it is made on its first read, once, even
/// when several threads read at once; copies share it, and writing makes a copy its own.
class Value {
 public:
  using Array = std::vector<Value>;
  using Object = ValueObject;
  using Make = std::function<Value()>;

  Value() = default;
  Value(bool b) : data_(b) {}
  Value(int i) : data_(std::int64_t{i}) {}
  Value(long i) : data_(std::int64_t{i}) {}
  Value(long long i) : data_(std::int64_t{i}) {}
  Value(double d) : data_(d) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(std::string_view s) : data_(std::string(s)) {}
  Value(Array a) : data_(std::move(a)) {}
  Value(Object o) : data_(std::move(o)) {}

  static Value array() { return Value(Array{}); }
  static Value object() { return Value(Object{}); }
  /// The value `make` returns, made on the first read (and again after it throws). For large
  /// parts of a cache file that most builds never read. `hash`: a hash of the value that its
  /// maker knows without making it (Fingerprint::of() in core/fingerprint.h), or 0.
  static Value later(Make make, std::uint64_t hash = 0);
  /// The same, with the bytes it is made from as BinaryWriter wrote them for a part of its own
  /// (core/binary_codec.h): a writer copies them instead of making the value to encode it again.
  static Value later(Make make, std::uint64_t hash, SharedBytes encoding);
  /// `value` as a later() value already made that knows its `hash`: copies share it, and
  /// Fingerprint::of() takes the hash instead of reading it all again (writing to a copy makes
  /// it the copy's own, without the hash).
  static Value sealed(Value value, std::uint64_t hash);
  /// True while this is a later() value not made yet.
  bool is_pending() const;
  /// The hash given to later(); 0 for other values.
  std::uint64_t later_hash() const;
  /// The encoding given to later(); empty for other values.
  std::string_view later_encoding() const;

  bool is_null() const { return std::holds_alternative<std::monostate>(data()); }
  bool is_bool() const { return std::holds_alternative<bool>(data()); }
  bool is_int() const { return std::holds_alternative<std::int64_t>(data()); }
  bool is_double() const { return std::holds_alternative<double>(data()); }
  bool is_string() const { return std::holds_alternative<std::string>(data()); }
  bool is_array() const { return std::holds_alternative<Array>(data()); }
  bool is_object() const { return std::holds_alternative<Object>(data()); }

  bool as_bool() const { return std::get<bool>(data()); }
  std::int64_t as_int() const { return std::get<std::int64_t>(data()); }
  double as_double() const { return std::get<double>(data()); }
  const std::string& as_string() const { return std::get<std::string>(data()); }
  const Array& as_array() const { return std::get<Array>(data()); }
  Array& as_array() { return std::get<Array>(own()); }
  const Object& as_object() const { return std::get<Object>(data()); }
  Object& as_object() { return std::get<Object>(own()); }

  /// The member `key`, created (and this made an object) when missing.
  Value& operator[](std::string_view key);
  /// The member `key`, or nullptr when this is not an object or has no such member.
  const Value* find(std::string_view key) const;
  /// The string member `key`, or `fallback` when absent or not a string.
  std::string get_string(std::string_view key, std::string_view fallback = {}) const;
  /// Appends to an array (this made an array when null).
  void push_back(Value v);
  /// Number of elements of an array or members of an object; 0 otherwise.
  std::size_t size() const;
  /// Text form of a scalar (what a template shows); empty for null, arrays and objects.
  std::string to_text() const;

  bool operator==(const Value& other) const { return data() == other.data(); }

 private:
  struct Later;
  using Data = std::variant<std::monostate, bool, std::int64_t, double, std::string, Array, Object,
                            std::shared_ptr<Later>>;
  static constexpr std::size_t kLaterIndex = std::variant_size_v<Data> - 1;

  /// What this holds; for a later() value, what it was made into (never a Later itself).
  const Data& data() const {
    return data_.index() == kLaterIndex ? made(*std::get<kLaterIndex>(data_)) : data_;
  }
  static const Data& made(Later& later);
  /// What this holds, to change: a later() value is made and copied in first.
  Data& own();

  Data data_;
};

inline ValueObject::iterator ValueObject::begin() { return members_.begin(); }
inline ValueObject::iterator ValueObject::end() { return members_.end(); }
inline ValueObject::const_iterator ValueObject::begin() const { return members_.begin(); }
inline ValueObject::const_iterator ValueObject::end() const { return members_.end(); }
inline std::size_t ValueObject::size() const { return members_.size(); }
inline bool ValueObject::empty() const { return members_.empty(); }
inline void ValueObject::reserve(std::size_t n) { members_.reserve(n); }

}  // namespace digestif
