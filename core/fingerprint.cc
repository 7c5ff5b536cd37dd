// Fingerprint: splitmix64 over the XXH3 hash of each piece; an array or object by its own hash.
#include "core/fingerprint.h"

#include <xxhash.h>

#include <algorithm>
#include <bit>
#include <vector>

#include "core/parallel_map.h"

namespace digestif {
namespace {

enum Tag : std::uint64_t {
  kText = 1,
  kNumber,
  kNull,
  kBool,
  kInt,
  kReal,
  kString,
  kArray,
  kObject,
  kNested  // an array or object, by Fingerprint::of() it
};

}  // namespace

void Fingerprint::mix(std::uint64_t piece) {
  std::uint64_t z = (state_ ^ piece) + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  state_ = z ^ (z >> 31);
}

Fingerprint& Fingerprint::add(std::string_view text) {
  mix(kText);
  mix(text.size());
  mix(XXH3_64bits(text.data(), text.size()));
  return *this;
}

Fingerprint& Fingerprint::add(std::int64_t number) {
  mix(kNumber);
  mix(static_cast<std::uint64_t>(number));
  return *this;
}

Fingerprint& Fingerprint::add(const Value& value) {
  if (value.later_hash() != 0 || value.is_array() || value.is_object()) {
    mix(kNested);
    mix(of(value));  // a later() part is not made for this: its hash is known
  } else if (value.is_null()) {
    mix(kNull);
  } else if (value.is_bool()) {
    mix(kBool);
    mix(value.as_bool() ? 1 : 0);
  } else if (value.is_int()) {
    mix(kInt);
    mix(static_cast<std::uint64_t>(value.as_int()));
  } else if (value.is_double()) {
    mix(kReal);
    mix(std::bit_cast<std::uint64_t>(value.as_double()));
  } else {
    mix(kString);
    add(std::string_view(value.as_string()));
  }
  return *this;
}

Fingerprint& Fingerprint::add_or_null(const Value* value) {
  if (value == nullptr) {
    mix(kNull);
    return *this;
  }
  return add(*value);
}

Fingerprint& Fingerprint::add_members(const Value* value,
                                      std::initializer_list<std::string_view> keys) {
  if (value != nullptr && value->is_array()) {
    mix(kArray);
    mix(value->size());
    for (const Value& item : value->as_array()) add_members(&item, keys);
  } else if (value != nullptr && value->is_object()) {
    mix(kObject);
    for (std::string_view key : keys) {
      add_or_null(value->find(key));
    }
  } else {
    mix(kNull);
  }
  return *this;
}

Fingerprint& Fingerprint::add_members(const DocumentData& data,
                                      std::initializer_list<std::string_view> keys) {
  mix(kObject);
  for (std::string_view key : keys) {
    add_or_null(data.find(key));
  }
  return *this;
}

std::uint64_t Fingerprint::of(const Value& value) {
  if (std::uint64_t known = value.later_hash()) return known;
  Fingerprint contents;
  if (value.is_array()) {
    contents.mix(kArray);
    contents.mix(value.size());
    for (const Value& item : value.as_array()) contents.add(item);
  } else if (value.is_object()) {
    contents.mix(kObject);
    contents.mix(value.size());
    for (const auto& [key, member] : value.as_object())
      contents.add(std::string_view(key)).add(member);
  } else {
    contents.add(value);
  }
  return std::max<std::uint64_t>(contents.value(), 1);
}

void Fingerprint::seal_parts(Value& value) {
  std::vector<Value*> parts;
  auto add_part = [&parts](Value& part) {
    if (part.later_hash() == 0 && (part.is_array() || part.is_object())) parts.push_back(&part);
  };
  if (value.is_object())
    for (auto& [key, member] : value.as_object()) add_part(member);
  else if (value.is_array())
    for (Value& item : value.as_array()) add_part(item);
  std::vector<std::uint64_t> hashes =
      in_parallel<std::uint64_t>(parts.size(), [&](std::size_t i) { return of(*parts[i]); });
  for (std::size_t i = 0; i < parts.size(); ++i)
    *parts[i] = Value::sealed(std::move(*parts[i]), hashes[i]);
}

std::string Fingerprint::hex() const {
  static const char* digits = "0123456789abcdef";
  std::string hex(16, '0');
  std::uint64_t hash = state_;
  for (int i = 15; i >= 0; --i, hash >>= 4) hex[static_cast<std::size_t>(i)] = digits[hash & 15];
  return hex;
}

}  // namespace digestif
