// Fingerprint: a short hash of what an output is made from, to tell whether it must be remade.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/value.h"

namespace digestif {

/// Order-sensitive 64-bit hash of a sequence of strings, numbers and Values. Pieces are
/// length-prefixed and type-tagged, so ("ab", "c") and ("a", "bc") differ.
class Fingerprint {
 public:
  Fingerprint& add(std::string_view text);
  Fingerprint& add(const std::string& text) { return add(std::string_view(text)); }
  Fingerprint& add(const char* text) { return add(std::string_view(text)); }
  Fingerprint& add(std::int64_t number);
  Fingerprint& add(const Value& value);
  /// 16 hexadecimal digits.
  std::string hex() const;

 private:
  void mix(std::uint64_t piece);
  std::uint64_t state_ = 0x6a09e667f3bcc908ULL;
};

}  // namespace digestif
