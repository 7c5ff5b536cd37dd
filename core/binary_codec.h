// BinaryWriter and BinaryReader: the compact encoding of digestif's own cache files.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/value.h"

namespace digestif {

/// Appends numbers (8 bytes, in the machine's byte order), length-prefixed strings and Values
/// to a byte string. Only this machine's digestif reads it back.
class BinaryWriter {
 public:
  explicit BinaryWriter(std::string& bytes) : bytes_(bytes) {}
  void put(std::uint64_t number);
  void put(std::string_view text);
  void put(const Value& value);

 private:
  std::string& bytes_;
};

/// Thrown by BinaryReader for bytes that end early or do not decode: a damaged file.
class DamagedData : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Reads back what BinaryWriter wrote, in the same order; throws DamagedData past the end.
class BinaryReader {
 public:
  explicit BinaryReader(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t number();
  std::string text();
  Value value();
  bool at_end() const { return position_ == bytes_.size(); }

 private:
  Value value_at_depth(int depth);
  std::string_view take(std::size_t count);

  std::string_view bytes_;
  std::size_t position_ = 0;
};

}  // namespace digestif
