// BinaryWriter and BinaryReader: varints, length-prefixed strings, tagged Values whose object
// keys are written once and then referred to by number.
#include "core/binary_codec.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <limits>
#include <utility>

#include "core/fingerprint.h"

namespace digestif {
namespace {

enum Tag : std::uint64_t {
  kNull,
  kFalse,
  kTrue,
  kInt,          // followed by the integer (not negative)
  kNegativeInt,  // followed by -1 - the integer
  kReal,         // followed by the double's 8 bytes
  kString,
  kArray,
  kObject,
  kPart  // followed by Fingerprint::of() the value, the length and bytes of it written on its own
};
constexpr int kMaxDepth = 256;
constexpr auto kMaxInt = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
constexpr int kMaxVarintBytes = 10;                              // 64 bits, 7 at a time
constexpr std::size_t kMaxPartHeader = 1 + 2 * kMaxVarintBytes;  // kPart, hash, length
// Room made ahead for the items of an array or object; a damaged count cannot ask for more.
constexpr std::size_t kMaxReserved = 256;

}  // namespace

void BinaryWriter::put(std::uint64_t number) {
  char raw[kMaxVarintBytes];
  int size = 0;
  for (; number >= 0x80; number >>= 7) raw[size++] = static_cast<char>(number | 0x80);
  raw[size++] = static_cast<char>(number);
  bytes_.append(raw, static_cast<std::size_t>(size));
}

void BinaryWriter::put_signed(std::int64_t number) {
  auto bits = static_cast<std::uint64_t>(number);
  put((bits << 1) ^ (number < 0 ? ~std::uint64_t{0} : 0));
}

void BinaryWriter::put(std::string_view text) {
  put(std::uint64_t{text.size()});
  bytes_.append(text);
}

/// A key met before is its number times two plus one; a new one, its length times two and its
/// text.
void BinaryWriter::put_key(const ValueKey& key) {
  auto [it, fresh] = keys_.emplace(&key.str(), keys_.size());
  if (!fresh) {
    put(it->second * 2 + 1);
    return;
  }
  put(std::uint64_t{key.str().size()} * 2);
  bytes_.append(key.str());
}

void BinaryWriter::put(const Value& value) {
  if (value.is_null()) {
    put(std::uint64_t{kNull});
  } else if (value.is_bool()) {
    put(std::uint64_t{value.as_bool() ? kTrue : kFalse});
  } else if (value.is_int()) {
    std::int64_t number = value.as_int();
    put(std::uint64_t{number < 0 ? kNegativeInt : kInt});
    put(static_cast<std::uint64_t>(number < 0 ? -1 - number : number));
  } else if (value.is_double()) {
    put(std::uint64_t{kReal});
    double real = value.as_double();
    char raw[sizeof real];
    std::memcpy(raw, &real, sizeof raw);
    bytes_.append(raw, sizeof raw);
  } else if (value.is_string()) {
    put(std::uint64_t{kString});
    put(std::string_view(value.as_string()));
  } else if (value.is_array()) {
    put(std::uint64_t{kArray});
    put(std::uint64_t{value.size()});
    for (const Value& item : value.as_array()) put_part(item);
  } else {
    put(std::uint64_t{kObject});
    put(std::uint64_t{value.size()});
    for (const auto& [key, member] : value.as_object()) {
      put_key(key);
      put_part(member);
    }
  }
}

void BinaryWriter::put_part(const Value& part) {
  if (later_from_ == 0) return put(part);
  if (encoded_ != nullptr)
    if (std::uint64_t hash = part.later_hash())
      if (auto it = encoded_->find(hash); it != encoded_->end()) {
        bytes_.append(it->second);  // as written before, without reading a later() value
        return;
      }
  if (std::string_view encoding = part.later_encoding(); !encoding.empty() && part.later_hash()) {
    put(std::uint64_t{kPart});  // as it was read, without making it
    put(part.later_hash());
    put(encoding);
    return;
  }
  if (!(part.is_array() || part.is_object())) return put(part);
  // Written in place after room for its header; a part is read on its own, so its keys start
  // afresh.
  std::size_t start = bytes_.size();
  bytes_.append(kMaxPartHeader, '\0');
  auto outer_keys = std::exchange(keys_, {});
  put(part);
  keys_ = std::move(outer_keys);
  std::size_t length = bytes_.size() - start - kMaxPartHeader;
  if (length < later_from_) {
    // In line, and so are its own parts: none of them is large either.
    bytes_.resize(start);
    std::size_t later_from = std::exchange(later_from_, 0);
    put(part);
    later_from_ = later_from;
    return;
  }
  std::string header;
  BinaryWriter head(header);
  head.put(std::uint64_t{kPart});
  head.put(Fingerprint::of(part));
  head.put(std::uint64_t{length});
  std::memmove(&bytes_[start + header.size()], &bytes_[start + kMaxPartHeader], length);
  std::memcpy(&bytes_[start], header.data(), header.size());
  bytes_.resize(start + header.size() + length);
}

std::string_view BinaryReader::take(std::size_t count) {
  if (count > bytes_.size() - position_) throw DamagedData("the data ends early");
  std::string_view piece = bytes_.substr(position_, count);
  position_ += count;
  return piece;
}

std::uint64_t BinaryReader::number() {
  std::uint64_t number = 0;
  for (int shift = 0; shift < 7 * kMaxVarintBytes; shift += 7) {
    if (position_ == bytes_.size()) throw DamagedData("the data ends early");
    auto byte = static_cast<std::uint8_t>(bytes_[position_++]);
    if (shift == 63 && byte > 1) throw DamagedData("a number too large");
    number |= std::uint64_t{byte & 0x7fu} << shift;
    if (byte < 0x80) return number;
  }
  throw DamagedData("a number too long");
}

std::int64_t BinaryReader::signed_number() {
  std::uint64_t bits = number();
  return static_cast<std::int64_t>((bits >> 1) ^ (~(bits & 1) + 1));
}

std::string BinaryReader::text() { return std::string(text_view()); }

std::string_view BinaryReader::text_view() {
  std::uint64_t size = number();
  return take(size);
}

std::size_t BinaryReader::count() {
  std::uint64_t count = number();
  if (count > bytes_.size() - position_) throw DamagedData("more items than bytes left");
  return static_cast<std::size_t>(count);
}

ValueKey BinaryReader::key() {
  std::uint64_t code = number();
  if (code % 2 == 1) {
    if (code / 2 >= keys_.size()) throw DamagedData("a key refers to no key met before");
    return keys_[code / 2];
  }
  if (code / 2 > bytes_.size() - position_) throw DamagedData("the data ends early");
  return keys_.emplace_back(take(static_cast<std::size_t>(code / 2)));
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
    case kInt: {
      std::uint64_t number = this->number();
      if (number > kMaxInt) throw DamagedData("an integer too large");
      return Value(static_cast<long long>(number));
    }
    case kNegativeInt: {
      std::uint64_t number = this->number();
      if (number > kMaxInt) throw DamagedData("an integer too small");
      return Value(-1 - static_cast<long long>(number));
    }
    case kReal: {
      double real;
      std::memcpy(&real, take(sizeof real).data(), sizeof real);
      return Value(real);
    }
    case kString:
      return Value(text());
    case kArray: {
      std::size_t size = count();
      Value::Array items;
      items.reserve(std::min<std::size_t>(size, kMaxReserved));
      for (std::size_t i = 0; i < size; ++i) items.push_back(value_at_depth(depth + 1));
      return Value(std::move(items));
    }
    case kObject: {
      std::size_t size = count();
      std::vector<Value::Object::value_type> members;  // written in key order: sorted already
      members.reserve(std::min<std::size_t>(size, kMaxReserved));
      for (std::size_t i = 0; i < size; ++i) {
        ValueKey name = key();
        members.emplace_back(name, value_at_depth(depth + 1));
      }
      return Value(Value::Object(std::move(members)));
    }
    case kPart:
      return part(depth);
    default:
      throw DamagedData("unknown value tag");
  }
}

void BinaryReader::note_parts(EncodedParts& parts) { note_parts_at_depth(parts, 0); }

void BinaryReader::note_parts_at_depth(EncodedParts& parts, int depth) {
  if (depth > kMaxDepth) throw DamagedData("values nest too deep");
  std::size_t start = position_;
  switch (number()) {
    case kNull:
    case kFalse:
    case kTrue:
      return;
    case kInt:
    case kNegativeInt:
      number();
      return;
    case kReal:
      take(sizeof(double));
      return;
    case kString:
      text_view();
      return;
    case kArray:
      for (std::size_t size = count(); size > 0; --size) note_parts_at_depth(parts, depth + 1);
      return;
    case kObject:
      for (std::size_t size = count(); size > 0; --size) {
        if (std::uint64_t code = number(); code % 2 == 0) take(static_cast<std::size_t>(code / 2));
        note_parts_at_depth(parts, depth + 1);
      }
      return;
    case kPart: {
      std::uint64_t hash = number();
      text_view();
      parts.emplace(hash, bytes_.substr(start, position_ - start));
      return;
    }
    default:
      throw DamagedData("unknown value tag");
  }
}

Value BinaryReader::part(int depth) {
  std::uint64_t hash = number();
  std::string_view bytes = text_view();
  if (!lasting_) {
    BinaryReader in(bytes);
    Value value = in.value_at_depth(depth);
    if (!in.at_end()) throw DamagedData("bytes after a part");
    return value;
  }
  return Value::later(
      [bytes, lasting = lasting_] {
        try {
          BinaryReader in(bytes, lasting);
          Value value = in.value();
          if (in.at_end()) return value;
        } catch (const DamagedData&) {
        }
        throw Error(lasting->file, 0, "no longer reads back; delete .digestif/ and build again");
      },
      hash, {bytes, lasting_});
}

void put_diagnostics(BinaryWriter& out, const std::vector<Diagnostic>& diagnostics) {
  out.put(std::uint64_t{diagnostics.size()});
  for (const Diagnostic& d : diagnostics) {
    out.put(std::uint64_t{d.severity == Severity::warning});
    out.put(std::string_view(d.file));
    out.put_signed(d.line);
    out.put(std::string_view(d.message));
  }
}

std::vector<Diagnostic> get_diagnostics(BinaryReader& in) {
  std::vector<Diagnostic> diagnostics;
  for (std::uint64_t count = in.number(); count > 0; --count) {
    Diagnostic& d = diagnostics.emplace_back();
    d.severity = in.number() != 0 ? Severity::warning : Severity::error;
    d.file = in.text();
    d.line = static_cast<int>(in.signed_number());
    d.message = in.text();
  }
  return diagnostics;
}

}  // namespace digestif
