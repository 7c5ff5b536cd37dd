// BinaryWriter and BinaryReader: fixed-width numbers, length-prefixed strings, tagged Values.
#include "core/binary_codec.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <vector>

namespace digestif {
namespace {

enum Tag : std::uint64_t { kNull, kFalse, kTrue, kInt, kReal, kString, kArray, kObject };
constexpr int kMaxDepth = 256;

}  // namespace

void BinaryWriter::put(std::uint64_t number) {
  char raw[sizeof number];
  std::memcpy(raw, &number, sizeof number);
  bytes_.append(raw, sizeof raw);
}

void BinaryWriter::put(std::string_view text) {
  put(std::uint64_t{text.size()});
  bytes_.append(text);
}

void BinaryWriter::put(const Value& value) {
  if (value.is_null()) {
    put(std::uint64_t{kNull});
  } else if (value.is_bool()) {
    put(std::uint64_t{value.as_bool() ? kTrue : kFalse});
  } else if (value.is_int()) {
    put(std::uint64_t{kInt});
    put(static_cast<std::uint64_t>(value.as_int()));
  } else if (value.is_double()) {
    put(std::uint64_t{kReal});
    put(std::bit_cast<std::uint64_t>(value.as_double()));
  } else if (value.is_string()) {
    put(std::uint64_t{kString});
    put(std::string_view(value.as_string()));
  } else if (value.is_array()) {
    put(std::uint64_t{kArray});
    put(std::uint64_t{value.size()});
    for (const Value& item : value.as_array()) put(item);
  } else {
    put(std::uint64_t{kObject});
    put(std::uint64_t{value.size()});
    for (const auto& [key, member] : value.as_object()) {
      put(std::string_view(key));
      put(member);
    }
  }
}

std::string_view BinaryReader::take(std::size_t count) {
  if (count > bytes_.size() - position_) throw DamagedData("the data ends early");
  std::string_view piece = bytes_.substr(position_, count);
  position_ += count;
  return piece;
}

std::uint64_t BinaryReader::number() {
  std::uint64_t number = 0;
  std::memcpy(&number, take(sizeof number).data(), sizeof number);
  return number;
}

std::string BinaryReader::text() {
  std::uint64_t size = number();
  return std::string(take(size));
}

Value BinaryReader::value() { return value_at_depth(0); }

Value BinaryReader::value_at_depth(int depth) {
  if (depth > kMaxDepth) throw DamagedData("values nest too deep");
  switch (number()) {
    case kNull:
      return Value();
    case kFalse:
      return Value(false);
    case kTrue:
      return Value(true);
    case kInt:
      return Value(static_cast<long long>(number()));
    case kReal:
      return Value(std::bit_cast<double>(number()));
    case kString:
      return Value(text());
    case kArray: {
      std::uint64_t size = number();
      Value::Array items;
      for (std::uint64_t i = 0; i < size; ++i) items.push_back(value_at_depth(depth + 1));
      return Value(std::move(items));
    }
    case kObject: {
      std::uint64_t size = number();
      std::vector<Value::Object::value_type> members;  // written in key order: sorted already
      members.reserve(std::min<std::uint64_t>(size, 64));
      for (std::uint64_t i = 0; i < size; ++i) {
        std::string key = text();
        members.emplace_back(key, value_at_depth(depth + 1));
      }
      return Value(Value::Object(std::move(members)));
    }
    default:
      throw DamagedData("unknown value tag");
  }
}

}  // namespace digestif
