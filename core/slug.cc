// slugify: one rule for every URL segment digestif makes from text.
#include "core/slug.h"

#include "core/utf8.h"

namespace digestif {
namespace {

/// Unicode spaces and punctuation that separate words like ASCII punctuation does.
bool is_separator(char32_t cp) {
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x3000 && cp <= 0x303F) || cp == 0xFEFF || cp == 0xFFFD;
}

bool is_kept(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
         (cp >= 0x80 && !is_separator(cp));
}

}  // namespace

std::string slugify(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  for (std::size_t at = 0; at < text.size();) {
    char32_t cp = 0;
    std::size_t length = decode_utf8(text, at, cp);
    if (length == 0 || !is_kept(cp)) {  // invalid bytes separate words too
      pending_dash = !slug.empty();
      at += length == 0 ? 1 : length;
      continue;
    }
    if (pending_dash) slug += '-';
    pending_dash = false;
    if (cp >= 'A' && cp <= 'Z')
      slug += static_cast<char>(cp - 'A' + 'a');
    else
      slug.append(text.substr(at, length));
    at += length;
  }
  return slug;
}

}  // namespace digestif
