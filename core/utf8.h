// UTF-8: decoding and encoding one character, shared by every piece that reads or writes text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace digestif {

/// Decodes the UTF-8 character at text[at] into `code`; returns its length in bytes, or 0 when
/// the bytes there are not valid UTF-8 (bad lead or continuation, overlong, surrogate, > U+10FFFF).
std::size_t decode_utf8(std::string_view text, std::size_t at, char32_t& code);

/// Appends `code` as UTF-8; NUL, surrogates and values past U+10FFFF become U+FFFD.
void append_utf8(std::string& out, char32_t code);

}  // namespace digestif
