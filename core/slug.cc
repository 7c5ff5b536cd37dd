// slugify: one rule for every URL segment digestif makes from text.
#include "core/slug.h"

namespace digestif {
namespace {

/// Length of the UTF-8 sequence starting with `lead`, 1 for a stray byte.
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

char32_t code_point(std::string_view text, std::size_t at, std::size_t length) {
  char32_t cp = static_cast<unsigned char>(text[at]) & (0xFF >> (length + 1));
  for (std::size_t i = 1; i < length; ++i)
    cp = (cp << 6) | (static_cast<unsigned char>(text[at + i]) & 0x3F);
  return cp;
}

/// Unicode spaces and punctuation that separate words like ASCII punctuation does.
bool is_separator(char32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF || cp == 0xFFFD;
}

}  // namespace

std::string slugify(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  for (std::size_t at = 0; at < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[at]);
    std::size_t length = c < 0x80 ? 1 : sequence_length(c);
    if (at + length > text.size()) break;  // a cut sequence at the end is dropped
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
                (c >= 0x80 && length > 1 && !is_separator(code_point(text, at, length)));
    if (keep) {
      if (pending_dash) slug += '-';
      pending_dash = false;
      for (std::size_t i = 0; i < length; ++i)
        slug += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : text[at + i];
    } else {
      pending_dash = !slug.empty();
    }
    at += length;
  }
  return slug;
}

}  // namespace digestif
