// BinaryWriter and BinaryReader: the compact encoding of digestif's own cache files.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "core/value.h"

namespace digestif {

/// Where each part lies among bytes a BinaryWriter wrote (see BinaryReader::note_parts), by the
/// hash of its value: a writer given them copies a part whose value has that hash instead of
/// encoding it again (a part is read on its own: its bytes are the same wherever it goes).
using EncodedParts = std::unordered_map<std::uint64_t, std::string_view>;

/// Appends numbers (LEB128 varints), length-prefixed strings and Values to a byte string.
/// Object keys are written in full the first time and by number afterwards, so a reader must
/// read what one writer wrote from its start. Only this machine's digestif reads it back.
///
/// With `later_from` set, each array item and object member that is an array or object taking
/// at least that many bytes is written as a part of its own, which a reader of bytes that
/// outlive it decodes only when it is first read (BinaryReader's `owner`).
class BinaryWriter {
 public:
  /// `encoded`: parts written before with the same `later_from`, copied when a value that
  /// knows its hash (Value::later_hash) has one of theirs; they must outlive the writer.
  explicit BinaryWriter(std::string& bytes, std::size_t later_from = 0,
                        const EncodedParts* encoded = nullptr)
      : bytes_(bytes), later_from_(later_from), encoded_(encoded) {}
  void put(std::uint64_t number);
  /// A number that may be negative (zigzag: small magnitudes take few bytes).
  void put_signed(std::int64_t number);
  void put(std::string_view text);
  void put(const Value& value);

 private:
  void put_key(const ValueKey& key);
  /// An item or member: a large one as a part of its own, the others in line.
  void put_part(const Value& part);

  std::string& bytes_;
  std::size_t later_from_;                                      // 0: everything in line
  const EncodedParts* encoded_;                                 // may be null
  std::unordered_map<const std::string*, std::uint64_t> keys_;  // stored name -> its number
};

/// Thrown by BinaryReader for bytes that end early or do not decode: a damaged file.
class DamagedData : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bytes that outlive the readers of them (a mapped file), and the file they come from.
struct LastingBytes {
  std::shared_ptr<const char> owner;
  std::string file;
};

/// Reads back what BinaryWriter wrote, in the same order; throws DamagedData for bytes that end
/// early or do not decode (a varint too long, a length past the end, an unknown key, too deep).
/// Given the `lasting` bytes it reads, the parts written on their own become Value::later()
/// values, decoded when first read; those throw Error (with the file) when they do not decode.
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view bytes, std::shared_ptr<const LastingBytes> lasting = {})
      : bytes_(bytes), lasting_(std::move(lasting)) {}
  std::uint64_t number();
  std::int64_t signed_number();
  std::string text();
  /// A text as a view of the bytes being read (valid as long as they are).
  std::string_view text_view();
  Value value();
  /// Skips a value, noting in `parts` where each part of it lies (parts are not looked into).
  void note_parts(EncodedParts& parts);
  bool at_end() const { return position_ == bytes_.size(); }
  std::size_t remaining() const { return bytes_.size() - position_; }

 private:
  Value value_at_depth(int depth);
  void note_parts_at_depth(EncodedParts& parts, int depth);
  /// A part written on its own: for later when the bytes last, else decoded now.
  Value part(int depth);
  ValueKey key();
  /// A count of items that each take at least one byte: no more than the bytes left.
  std::size_t count();
  std::string_view take(std::size_t count);

  std::string_view bytes_;
  std::shared_ptr<const LastingBytes> lasting_;
  std::size_t position_ = 0;
  std::vector<ValueKey> keys_;  // keys met so far, by number
};

/// Diagnostics as a count, then each one's severity, file, line and message.
void put_diagnostics(BinaryWriter& out, const std::vector<Diagnostic>& diagnostics);
std::vector<Diagnostic> get_diagnostics(BinaryReader& in);

}  // namespace digestif
