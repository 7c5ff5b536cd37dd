// slugify: one rule for every URL segment digestif makes from text.
#include "core/slug.h"

namespace digestif {

std::string slugify(std::string_view text) {
  std::string slug;
  bool pending_dash = false;
  for (unsigned char c : text) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
      keep = true;
    }
    if (!keep) {
      pending_dash = !slug.empty();
      continue;
    }
    if (pending_dash) slug += '-';
    pending_dash = false;
    slug += static_cast<char>(c);
  }
  return slug;
}

}  // namespace digestif
