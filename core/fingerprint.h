// Fingerprint: a short hash of what an output is made from, to tell whether it must be remade.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/document_data.h"
#include "core/value.h"

namespace digestif {

/// Order-sensitive 64-bit hash of a sequence of strings, numbers and Values. Pieces are
/// length-prefixed and type-tagged, so ("ab", "c") and ("a", "bc") differ. An array or object is
/// added by its own hash (of()), so a Value::later part that knows its hash is not made for it.
class Fingerprint {
 public:
  Fingerprint& add(std::string_view text);
  Fingerprint& add(const std::string& text) { return add(std::string_view(text)); }
  Fingerprint& add(const char* text) { return add(std::string_view(text)); }
  Fingerprint& add(std::int64_t number);
  Fingerprint& add(const Value& value);
  /// add(*value), or a null for nullptr (without copying the value).
  Fingerprint& add_or_null(const Value* value);
  /// Adds the members named `keys` of `value` when it is an object, of each of its items when it
  /// is an array (a missing member adds a null); adds a null for nullptr.
  Fingerprint& add_members(const Value* value, std::initializer_list<std::string_view> keys);
  /// The same for a document's data, decoding only the members named.
  Fingerprint& add_members(const DocumentData& data, std::initializer_list<std::string_view> keys);
  /// A hash of the value alone, never 0: of an array's items or an object's members, each added
  /// as add() does; a part of a cache file read for later (Value::later) was given its own when
  /// written, and is not decoded for it.
  static std::uint64_t of(const Value& value);
  /// Seals each array or object directly inside `value` (an object's members, an array's items)
  /// with its hash (Value::sealed), on all cores: for a site product, whose entries are then
  /// fingerprinted many times over, once per entry.
  static void seal_parts(Value& value);
  /// 16 hexadecimal digits.
  std::string hex() const;
  std::uint64_t value() const { return state_; }

 private:
  void mix(std::uint64_t piece);
  std::uint64_t state_ = 0x6a09e667f3bcc908ULL;
};

}  // namespace digestif
