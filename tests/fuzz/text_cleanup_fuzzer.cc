// libFuzzer target: clean_text (core/text_cleanup.h); checks its output is UTF-8 with LF only.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/diagnostic.h"
#include "core/text_cleanup.h"

namespace {

// Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = byte < 0x80           ? 1
                         : (byte >> 5) == 0x6  ? 2
                         : (byte >> 4) == 0xE  ? 3
                         : (byte >> 3) == 0x1E ? 4
                                               : 0;
    if (length == 0 || i + length > text.size()) return false;
    std::uint32_t code = length == 1 ? byte : byte & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kMinimum[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
      return false;
    i += length;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    digestif::CleanText clean = digestif::clean_text(bytes, "fuzz.md");
    if (!valid_utf8(clean.text)) __builtin_trap();
    if (clean.text.find('\r') != std::string_view::npos) __builtin_trap();
  } catch (const digestif::Error&) {
    // Bad input (a binary file): the expected way to refuse it.
  }
  return 0;
}
