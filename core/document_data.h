// DocumentData: a document's analysis data, an object Value whose members a document restored
// from the cache decodes one by one, when each is first read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/value.h"

namespace digestif {

/// Read like an object Value (find, get_string, size, or the whole through get()); written
/// through operator[] or edit(). Copies share what is decoded; writing makes this copy hold its
/// own object. Reads may run on several threads at once.
class DocumentData {
 public:
  /// Makes one member's value.
  using Make = std::function<Value()>;
  /// Makes the value of the member at an index of the names given to later().
  using MakeAt = std::function<Value(std::size_t)>;

  DocumentData(Value value = Value::object()) : own_(std::move(value)) {}  // NOLINT: like a Value
  DocumentData& operator=(Value value);
  /// The members named in `members` (each name once), each made by its function on first read.
  static DocumentData later(std::vector<std::pair<std::string, Make>> members);
  /// The members `names` (each once), the i-th made by make(i) on its first read: one function
  /// for all of them (a restored document has a dozen members; this is what they cost).
  /// `hashes`, when given: the i-th is Fingerprint::of() the i-th member's value.
  static DocumentData later(std::vector<std::string> names, MakeAt make,
                            std::vector<std::uint64_t> hashes = {});

  const Value* find(std::string_view key) const;
  /// Fingerprint::of() the member `key` (core/fingerprint.h), 0 when there is none; a
  /// restored document's member is not decoded for it. Cheaper than a Fingerprint of the value.
  std::uint64_t hash_of(std::string_view key) const;
  std::string get_string(std::string_view key, std::string_view fallback = {}) const;
  std::size_t size() const;
  /// The whole object; a restored document's is put together on the first call.
  const Value& get() const;
  operator const Value&() const { return get(); }  // NOLINT: reads like a Value

  /// Seals each array or object member with its hash (Fingerprint::seal_parts), once the
  /// analysis that writes them is done: copies of a member then share it, and hash_of() takes
  /// its hash. A restored document's members know theirs already: it is left as it is.
  void seal();
  /// The object, to change (from here on this copy holds its own).
  Value& edit();
  /// The member `key`, to write (an analyzer adding its product).
  Value& operator[](std::string_view key) { return edit()[key]; }

  friend bool operator==(const DocumentData& a, const DocumentData& b) {
    return a.get() == b.get();
  }

 private:
  struct Later;

  Value own_;
  std::shared_ptr<Later> later_;  // set while the members come from a restored record
};

}  // namespace digestif
