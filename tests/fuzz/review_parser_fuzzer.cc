// libFuzzer target: parse_review (review_format/review_parser.h); Error is a rejection.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/diagnostic.h"
#include "plugins/review_format/review_parser.h"

namespace rf = digestif::plugins::review_format;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)rf::looks_like_review(text);
  try {
    rf::ReviewPost post = rf::parse_review(text, "fuzz.md");
    if (post.content_line < 1) __builtin_trap();
    for (const rf::ReviewComment& comment : post.comments)
      if (comment.line < 1) __builtin_trap();
  } catch (const digestif::Error&) {
    // Bad input: the expected way to refuse it.
  }
  return 0;
}
